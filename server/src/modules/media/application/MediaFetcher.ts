import type { ProviderName } from '../../../shared/providers';
import type { ProviderCredentials } from '../../connection/domain/WhatsappConfiguration';

/**
 * What to download: the provider's media id (never a URL from a webhook: anyone who can send us a
 * webhook-shaped body could name one), plus the most bytes we accept.
 */
export interface MediaRef {
  providerMediaId?: string;
  /** The message that carried it (Twilio media URLs are built from the message SID). */
  providerMessageId?: string;
  maxBytes: number;
}

export interface FetchedMedia {
  bytes: Buffer;
  mimeType?: string;
  /** The checksum the provider states, hex or base64 as it came. */
  sha256?: string;
  declaredSize?: number;
}

/** One provider's media download. Failures are MediaDownloadErrors saying whether to retry. */
export interface MediaFetcher {
  fetch(ref: MediaRef, credentials: ProviderCredentials, signal: AbortSignal): Promise<FetchedMedia>;
}

/** The fetcher of each provider; undefined for providers without media (the console). */
export interface MediaFetchers {
  forProvider(provider: ProviderName): MediaFetcher | undefined;
}
