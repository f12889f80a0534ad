/** A voice note waiting for its words, leased to one transcriber (`attempts` fences the write-back). */
export interface ClaimedVoiceNote {
  mediaId: string;
  tenantId: string;
  messageId: string;
  /** `stored`: the bytes are under `storageKey`; `failed`: the download gave up, there is nothing to hear. */
  mediaStatus: 'stored' | 'failed';
  storageKey?: string;
  mimeType?: string;
  attempts: number;
  /** Who sent it and where, for whoever acts on the words. */
  senderPhone: string;
  conversationId?: string;
  providerMessageId?: string;
  sentAt: Date;
}

/** The outcome handed to the router: the words, or none when the note could not be transcribed. */
export type TranscribedVoiceNote = Omit<ClaimedVoiceNote, 'attempts' | 'storageKey' | 'mediaStatus'> & {
  transcript?: string;
};

/** Port: acts on a voice note once its words are known (the router: a staff command, a filed note). */
export interface VoiceNoteRouter {
  route(note: TranscribedVoiceNote): Promise<void>;
}

/** Port: the transcription queue on `whatsapp_media`. */
export interface VoiceNoteQueue {
  /** Leases up to `limit` notes whose download is over and whose transcription is due. */
  claim(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedVoiceNote[]>;
  /** The write-backs apply only while the lease is this attempt's; false when another took over. */
  finish(note: ClaimedVoiceNote, outcome: { transcript: string } | { error: string }): Promise<boolean>;
  retryLater(note: ClaimedVoiceNote, error: string, availableAt: Date): Promise<boolean>;
}
