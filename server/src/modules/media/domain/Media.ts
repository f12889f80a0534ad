import type { UploadedMedia } from './uploadedMedia';
import type { MediaType } from './mediaTypes';

export interface PendingMedia {
  tenantId: string;
  messageId: string;
  type: MediaType;
  providerMediaId?: string;
  mimeType?: string;
  sha256?: string;
  filename?: string;
  /** Queue the file for transcription once it is stored (voice notes). */
  transcribe?: boolean;
}

/** A pending row leased to one downloader. `attempts` counts this attempt and fences the write-back. */
export interface ClaimedMedia {
  id: string;
  tenantId: string;
  messageId?: string;
  /** The message's type; undefined when the message is gone or its type is not a media type. */
  type?: MediaType;
  /** The provider's media id; absent when the message carried none (nothing is then downloaded). */
  providerMediaId?: string;
  providerMessageId?: string;
  mimeType?: string;
  sha256?: string;
  filename?: string;
  attempts: number;
}

export interface StoredMedia {
  storageKey: string;
  sizeBytes: number;
  /** Lowercase hex of the bytes actually stored. */
  sha256: string;
  mimeType?: string;
  storedAt: Date;
}

export interface MediaRepository {
  /** Records a file uploaded for sending (direction OUTBOUND, already stored). */
  addUploaded(media: UploadedMedia): Promise<void>;
  /** Queues a download; a redelivered message does not queue it twice. */
  addPending(media: PendingMedia): Promise<void>;
  /** Leases up to `limit` rows due at `now` until `leaseUntil`, counting one more attempt on each. */
  claimPending(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedMedia[]>;
  /**
   * The write-backs apply only while the claim is still this attempt's: false means the lease
   * expired and another downloader took the row over.
   */
  markStored(claim: ClaimedMedia, stored: StoredMedia): Promise<boolean>;
  retryLater(claim: ClaimedMedia, error: string, availableAt: Date): Promise<boolean>;
  markFailed(claim: ClaimedMedia, error: string): Promise<boolean>;
}
