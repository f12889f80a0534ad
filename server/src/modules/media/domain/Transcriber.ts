/** Speech to text (SPEC §22): an OpenAI-compatible `POST /v1/audio/transcriptions`. */
export interface Transcriber {
  transcribe(audio: { bytes: Buffer; mimeType?: string; filename: string }): Promise<string>;
}

/** A transcription that failed; `retryable` when trying again later may work (network, 5xx, 429). */
export class TranscriptionError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TranscriptionError';
  }
}
