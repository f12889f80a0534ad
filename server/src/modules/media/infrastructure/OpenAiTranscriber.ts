import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import { TranscriptionError, type Transcriber } from '../domain/Transcriber';

const TIMEOUT_MS = 60_000;

/**
 * OpenAI's speech-to-text API and the servers that copy it (a local whisper, a hosted
 * alternative): `POST …/v1/audio/transcriptions`, multipart `file` and `model`, `Authorization:
 * Bearer TRANSCRIPTION_API_KEY` when a key is set; the answer is `{ "text": … }`.
 */
@injectable()
export class OpenAiTranscriber implements Transcriber {
  constructor(@inject(TYPES.Config) private readonly config: Pick<Config, 'transcription'>) {}

  async transcribe(audio: { bytes: Buffer; mimeType?: string; filename: string }): Promise<string> {
    const settings = this.config.transcription;
    if (!settings) throw new TranscriptionError('TRANSCRIPTION_API_URL is not set', false);
    const form = new FormData();
    // The API reads the format from the file name; WhatsApp voice notes are Ogg/Opus.
    form.append('file', new Blob([audio.bytes], { type: audio.mimeType ?? 'audio/ogg' }), audio.filename);
    form.append('model', settings.model);
    form.append('response_format', 'json');
    let res: Response;
    try {
      res = await fetch(settings.url, {
        method: 'POST',
        headers: settings.apiKey ? { authorization: `Bearer ${settings.apiKey}` } : {},
        body: form,
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new TranscriptionError(`transcription service unreachable: ${(error as Error).message}`, true);
    }
    if (!res.ok) {
      const detail = await res.text().catch(() => '');
      const retryable = res.status === 429 || res.status >= 500;
      throw new TranscriptionError(
        `transcription service answered ${res.status} ${detail.slice(0, 200)}`,
        retryable,
      );
    }
    const body = (await res.json().catch(() => undefined)) as { text?: unknown } | undefined;
    if (typeof body?.text !== 'string')
      throw new TranscriptionError('transcription service answered without a text', true);
    return body.text.trim();
  }
}
