import { inject, injectable } from 'inversify';
import type { Knex } from 'knex';
import type { Database } from '../../shared/db/Database';
import { TYPES } from '../../types';

/** Where a batch stopped: rows are walked in (created_at, id) order so no batch rescans the last. */
export interface Cursor {
  at: Date;
  id: string;
}

export interface ExpiredMedia {
  id: string;
  storageKey: string | null;
}

const START: Cursor = { at: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
/** What a message event on a timeline keeps once its body is gone: references, no words. */
const TIMELINE_KEPT_KEYS = ['action', 'messageId', 'mediaType', 'reactsToMessageId'];

/**
 * The retention sweeps, each a short statement over one batch (no long locks): message bodies,
 * timeline content of message events, media rows, webhook events, old job runs.
 */
@injectable()
export class KnexRetentionStore {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  static readonly start = START;

  async tenantIds(): Promise<string[]> {
    return (await this.db.q('tenants').orderBy('id').select<Array<{ id: string }>>('id')).map((r) => r.id);
  }

  async countMessages(cutoff: Date): Promise<number> {
    return this.count(
      this.db
        .q('whatsapp_messages')
        .where('created_at', '<', cutoff)
        .whereRaw(`content->>'redacted' IS NULL`),
    );
  }

  /** Replaces the content of up to `limit` messages older than `cutoff`; the cursor is undefined when done. */
  async redactMessages(tenantId: string, cutoff: Date, after: Cursor, limit: number) {
    const { rows } = await this.db.q.raw(
      `UPDATE whatsapp_messages m SET content = '{"redacted":true}'::jsonb, updated_at = now()
         FROM (SELECT id FROM whatsapp_messages
                WHERE tenant_id = ? AND created_at < ? AND (created_at, id) > (?, ?::uuid)
                  AND content->>'redacted' IS NULL
                ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED) batch
        WHERE m.id = batch.id
        RETURNING m.id, m.created_at`,
      [tenantId, cutoff, after.at, after.id, limit],
    );
    return lastOf(rows as Array<{ id: string; created_at: Date }>, limit);
  }

  async countTimeline(cutoff: Date): Promise<number> {
    return this.count(
      this.db
        .q('timeline_entries')
        .where({ event_type: 'MESSAGE' })
        .where('created_at', '<', cutoff)
        .whereRaw(`content->>'redacted' IS NULL`),
    );
  }

  async redactTimeline(tenantId: string, cutoff: Date, after: Cursor, limit: number) {
    const kept = TIMELINE_KEPT_KEYS.map((k) => `'${k}', t.content->'${k}'`).join(', ');
    const { rows } = await this.db.q.raw(
      `UPDATE timeline_entries t SET content = jsonb_strip_nulls(jsonb_build_object(${kept})) || '{"redacted":true}'::jsonb
         FROM (SELECT id FROM timeline_entries
                WHERE tenant_id = ? AND event_type = 'MESSAGE' AND created_at < ? AND (created_at, id) > (?, ?::uuid)
                  AND content->>'redacted' IS NULL
                ORDER BY created_at, id LIMIT ? FOR UPDATE SKIP LOCKED) batch
        WHERE t.id = batch.id
        RETURNING t.id, t.created_at`,
      [tenantId, cutoff, after.at, after.id, limit],
    );
    return lastOf(rows as Array<{ id: string; created_at: Date }>, limit);
  }

  async countMedia(cutoff: Date): Promise<number> {
    return this.count(this.mediaDue(cutoff));
  }

  /** Media rows older than `cutoff` still holding a file or a provider reference. */
  async expiredMedia(cutoff: Date, limit: number): Promise<ExpiredMedia[]> {
    const rows = await this.mediaDue(cutoff)
      .orderBy('created_at')
      .limit(limit)
      .select<Array<{ id: string; storage_key: string | null }>>('id', 'storage_key');
    return rows.map((r) => ({ id: r.id, storageKey: r.storage_key }));
  }

  /** After their files are deleted: the rows keep that there was media, nothing of it. */
  async markMediaDeleted(ids: string[]): Promise<void> {
    await this.db.q('whatsapp_media').whereIn('id', ids).update({
      status: 'deleted',
      storage_key: null,
      filename: null,
      provider_media_id: null,
      error: null,
      locked_until: null,
      transcript: null,
      transcription_error: null,
    });
  }

  /** Deletes up to `limit` webhook events received before `cutoff`; returns how many. */
  async deleteWebhookEvents(cutoff: Date, limit: number): Promise<number> {
    return this.deleteBatch('whatsapp_webhook_events', 'received_at', cutoff, limit);
  }

  async countWebhookEvents(cutoff: Date): Promise<number> {
    return this.count(this.db.q('whatsapp_webhook_events').where('received_at', '<', cutoff));
  }

  async deleteJobRuns(cutoff: Date, limit: number): Promise<number> {
    return this.deleteBatch('job_runs', 'started_at', cutoff, limit);
  }

  private mediaDue(cutoff: Date) {
    return this.db
      .q('whatsapp_media')
      .where('created_at', '<', cutoff)
      .whereNot('status', 'deleted')
      .where((w) => w.whereNotNull('storage_key').orWhereNotNull('provider_media_id'));
  }

  private async deleteBatch(table: string, column: string, cutoff: Date, limit: number): Promise<number> {
    const { rowCount } = await this.db.q.raw(
      `DELETE FROM ?? WHERE id IN (SELECT id FROM ?? WHERE ?? < ? LIMIT ? FOR UPDATE SKIP LOCKED)`,
      [table, table, column, cutoff, limit],
    );
    return Number(rowCount ?? 0);
  }

  private async count(query: Knex.QueryBuilder): Promise<number> {
    const row = await query
      .clone()
      .clearSelect()
      .count<Array<{ count: string | number }>>('* as count')
      .first();
    return Number(row?.count ?? 0);
  }
}

function lastOf(rows: Array<{ id: string; created_at: Date }>, limit: number) {
  const last = rows.reduce<Cursor | undefined>(
    (max, r) =>
      !max || r.created_at > max.at || (r.created_at.getTime() === max.at.getTime() && r.id > max.id)
        ? { at: r.created_at, id: r.id }
        : max,
    undefined,
  );
  return { count: rows.length, next: rows.length < limit ? undefined : last };
}
