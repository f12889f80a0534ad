import { createHash } from 'node:crypto';
import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { TenantDirectory } from '../../connection/application/TenantDirectory';
import type { ClaimedMedia, MediaRepository, StoredMedia } from '../domain/Media';
import { MAX_MEDIA_BYTES } from '../domain/mediaTypes';
import { MediaDownloadError } from '../domain/MediaDownloadError';
import { mediaRetryPolicy } from '../domain/mediaRetryPolicy';
import type { MediaStorage } from '../domain/MediaStorage';
import { mediaStorageKey } from '../domain/mediaStorageKey';
import { normalizeSha256 } from '../domain/normalizeSha256';
import type { FetchedMedia, MediaFetchers, MediaRef } from './MediaFetcher';

export const MEDIA_DOWNLOAD_CONCURRENCY = 4;
const LEASE_MS = 5 * 60_000;
/** Shorter than the lease, so a row is never downloaded by two workers at once. */
const DOWNLOAD_TIMEOUT_MS = 2 * 60_000;
const MAX_ERROR_LENGTH = 1000;

export type DownloadOutcome = 'stored' | 'retrying' | 'failed' | 'superseded';
export type DownloadSummary = Record<DownloadOutcome, number>;

/**
 * Downloads queued inbound media: fetch from the tenant's provider, check the checksum, store,
 * record. Retryable failures go back to the queue with backoff; the rest fail the row at once.
 * Tenants on the `console` provider have nothing to download: their rows fail with `NO_PROVIDER`
 * (rather than a new status) so whatsapp_media keeps its three statuses and the reason is visible.
 */
@injectable()
export class DownloadMedia {
  constructor(
    @inject(TYPES.MediaRepository) private readonly media: MediaRepository,
    @inject(TYPES.MediaStorage) private readonly storage: MediaStorage,
    @inject(TYPES.MediaFetchers) private readonly fetchers: MediaFetchers,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** One round: claims up to `limit` due rows and downloads them side by side. */
  async execute(limit = MEDIA_DOWNLOAD_CONCURRENCY): Promise<DownloadSummary> {
    const claims = await this.claim(limit);
    const outcomes = await Promise.all(claims.map((claim) => this.download(claim)));
    const summary: DownloadSummary = { stored: 0, retrying: 0, failed: 0, superseded: 0 };
    outcomes.forEach((outcome) => summary[outcome]++);
    return summary;
  }

  claim(limit: number): Promise<ClaimedMedia[]> {
    const now = this.clock.now();
    return this.media.claimPending(limit, now, new Date(now.getTime() + LEASE_MS));
  }

  /** Never throws for a failed download (that is recorded on the row); only when the database fails. */
  async download(claim: ClaimedMedia): Promise<DownloadOutcome> {
    let stored: StoredMedia;
    try {
      stored = await this.fetchAndStore(claim);
    } catch (error) {
      if (!(error instanceof MediaDownloadError))
        this.logger.error({ err: error, mediaId: claim.id }, 'unexpected error while downloading media');
      return this.recordFailure(claim, toDownloadError(error));
    }
    if (await this.media.markStored(claim, stored)) {
      this.logger.info(
        {
          mediaId: claim.id,
          tenantId: claim.tenantId,
          sizeBytes: stored.sizeBytes,
          attempts: claim.attempts,
        },
        'media stored',
      );
      return 'stored';
    }
    this.logger.warn({ mediaId: claim.id }, 'media lease lost before it was recorded');
    return 'superseded';
  }

  private async fetchAndStore(claim: ClaimedMedia): Promise<StoredMedia> {
    const configuration = await this.directory.forTenant(claim.tenantId);
    if (!configuration)
      throw new MediaDownloadError('NO_CONFIGURATION', 'the tenant has no WhatsApp configuration', false);
    const fetcher = this.fetchers.forProvider(configuration.provider);
    if (!fetcher)
      throw new MediaDownloadError('NO_PROVIDER', `provider ${configuration.provider} has no media`, false);
    // The message may be gone (message_id SET NULL): then only WhatsApp's overall inbound limit applies.
    const maxBytes = MAX_MEDIA_BYTES[claim.type ?? 'document'];
    const fetched = await fetcher.fetch(
      refOf(claim, maxBytes),
      configuration.credentials,
      AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS),
    );
    if (fetched.bytes.length > maxBytes) throw MediaDownloadError.tooLarge(fetched.bytes.length, maxBytes);
    const sha256 = createHash('sha256').update(fetched.bytes).digest('hex');
    this.verifyChecksum(claim, fetched, sha256);
    const storedAt = this.clock.now();
    const mimeType = fetched.mimeType ?? claim.mimeType;
    const storageKey = mediaStorageKey({ ...claim, mimeType }, storedAt);
    await this.storage.put(storageKey, fetched.bytes);
    return { storageKey, sizeBytes: fetched.bytes.length, sha256, mimeType, storedAt };
  }

  /** The provider's answer to this download is the authority; the webhook's checksum is the fallback. */
  private verifyChecksum(claim: ClaimedMedia, fetched: FetchedMedia, actual: string): void {
    const stated = fetched.sha256 ?? claim.sha256;
    if (stated === undefined) return;
    const expected = normalizeSha256(stated);
    if (expected === undefined) {
      this.logger.warn(
        { mediaId: claim.id },
        'media checksum is neither hex nor base64 SHA-256; not checked',
      );
      return;
    }
    if (expected !== actual)
      throw new MediaDownloadError(
        'SHA256_MISMATCH',
        `expected ${expected}, got ${actual}`,
        claim.attempts < mediaRetryPolicy.maxChecksumAttempts,
      );
  }

  private async recordFailure(claim: ClaimedMedia, error: MediaDownloadError): Promise<DownloadOutcome> {
    const text = `${error.code}: ${error.message}`.slice(0, MAX_ERROR_LENGTH);
    const retry = error.retryable && claim.attempts < mediaRetryPolicy.maxAttempts;
    this.logger.warn(
      { mediaId: claim.id, tenantId: claim.tenantId, attempts: claim.attempts, code: error.code, retry },
      `media download failed: ${error.message}`,
    );
    if (retry) {
      const delayMs = mediaRetryPolicy.delaySeconds(claim.attempts) * 1000;
      const availableAt = new Date(this.clock.now().getTime() + delayMs);
      return (await this.media.retryLater(claim, text, availableAt)) ? 'retrying' : 'superseded';
    }
    const final = error.retryable ? `${text} (gave up after ${claim.attempts} attempts)` : text;
    return (await this.media.markFailed(claim, final)) ? 'failed' : 'superseded';
  }
}

/** Rows written before media ids were required may hold a URL there: it is never fetched. */
const URL_REF = /^[a-z][\w+.-]*:/i;

function refOf(claim: ClaimedMedia, maxBytes: number): MediaRef {
  const id = claim.providerMediaId;
  return {
    providerMediaId: id && !URL_REF.test(id) ? id : undefined,
    providerMessageId: claim.providerMessageId,
    maxBytes,
  };
}

function toDownloadError(error: unknown): MediaDownloadError {
  if (error instanceof MediaDownloadError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new MediaDownloadError('UNEXPECTED', message, true);
}
