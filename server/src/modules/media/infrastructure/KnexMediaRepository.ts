import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { UploadedMedia } from '../domain/uploadedMedia';
import type { ClaimedMedia, MediaRepository, PendingMedia, StoredMedia } from '../domain/Media';
import { isMediaType } from '../domain/mediaTypes';

interface ClaimedRow {
  id: string;
  tenant_id: string;
  message_id: string | null;
  provider_media_id: string | null;
  mime_type: string | null;
  sha256: string | null;
  filename: string | null;
  attempts: number;
  message_type: string | null;
  provider_message_id: string | null;
}

const toClaim = (r: ClaimedRow): ClaimedMedia => ({
  id: r.id,
  tenantId: r.tenant_id,
  messageId: r.message_id ?? undefined,
  type: r.message_type && isMediaType(r.message_type) ? r.message_type : undefined,
  providerMediaId: r.provider_media_id ?? undefined,
  providerMessageId: r.provider_message_id ?? undefined,
  mimeType: r.mime_type ?? undefined,
  sha256: r.sha256 ?? undefined,
  filename: r.filename ?? undefined,
  attempts: Number(r.attempts),
});

@injectable()
export class KnexMediaRepository implements MediaRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async addPending(m: PendingMedia): Promise<void> {
    await this.db
      .q('whatsapp_media')
      .insert({
        tenant_id: m.tenantId,
        message_id: m.messageId,
        provider_media_id: m.providerMediaId ?? null,
        direction: 'INBOUND',
        mime_type: m.mimeType ?? null,
        sha256: m.sha256 ?? null,
        filename: m.filename ?? null,
        status: 'pending',
        ...(m.transcribe
          ? { transcription_status: 'pending', transcription_available_at: this.db.knex.fn.now() }
          : {}),
      })
      .onConflict(['tenant_id', 'message_id', 'provider_media_id'])
      .ignore();
  }

  async addUploaded(m: UploadedMedia): Promise<void> {
    await this.db.q('whatsapp_media').insert({
      id: m.id,
      tenant_id: m.tenantId,
      direction: 'OUTBOUND',
      mime_type: m.mimeType,
      filename: m.filename ?? null,
      sha256: m.sha256,
      size_bytes: m.sizeBytes,
      storage_key: m.storageKey,
      status: 'stored',
      stored_at: m.storedAt.toISOString(),
    });
  }

  /** A claim is a lease (`locked_until`): rows of a worker that died become due again when it expires. */
  async claimPending(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedMedia[]> {
    const { rows } = await this.db.q.raw<{ rows: ClaimedRow[] }>(
      `UPDATE whatsapp_media m SET locked_until = ?::timestamptz, attempts = m.attempts + 1
         FROM (SELECT id, message_id FROM whatsapp_media
                WHERE status = 'pending' AND available_at <= ?::timestamptz
                  AND (locked_until IS NULL OR locked_until < ?::timestamptz)
                ORDER BY available_at
                LIMIT ? FOR UPDATE SKIP LOCKED) due
         LEFT JOIN whatsapp_messages msg ON msg.id = due.message_id
        WHERE m.id = due.id
        RETURNING m.id, m.tenant_id, m.message_id, m.provider_media_id, m.mime_type, m.sha256, m.filename,
                  m.attempts, msg.type AS message_type, msg.provider_message_id`,
      [leaseUntil.toISOString(), now.toISOString(), now.toISOString(), limit],
    );
    return rows.map(toClaim);
  }

  markStored(claim: ClaimedMedia, stored: StoredMedia): Promise<boolean> {
    return this.finish(claim, {
      status: 'stored',
      storage_key: stored.storageKey,
      size_bytes: stored.sizeBytes,
      sha256: stored.sha256,
      mime_type: stored.mimeType ?? null,
      stored_at: stored.storedAt.toISOString(),
      error: null,
    });
  }

  retryLater(claim: ClaimedMedia, error: string, availableAt: Date): Promise<boolean> {
    return this.finish(claim, { error, available_at: availableAt.toISOString() });
  }

  markFailed(claim: ClaimedMedia, error: string): Promise<boolean> {
    return this.finish(claim, { status: 'failed', error });
  }

  /** Writes only if the row is still pending on this attempt: a later claim increments `attempts`. */
  private async finish(claim: ClaimedMedia, values: Record<string, unknown>): Promise<boolean> {
    const updated = await this.db
      .q('whatsapp_media')
      .where({ id: claim.id, attempts: claim.attempts, status: 'pending' })
      .update({ ...values, locked_until: null });
    return updated > 0;
  }
}
