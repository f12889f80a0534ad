import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import { inject, injectable } from 'inversify';
import type { Database } from '../../shared/db/Database';
import type { ProviderName } from '../../shared/providers';
import { TYPES } from '../../types';
import { storableJson } from './storableJson';

export interface IncomingDelivery {
  provider: ProviderName;
  tenantId?: string;
  payload: unknown;
  /** The payload as received, when it is JSON text already (saves re-serialising it). */
  payloadJson?: string;
  signature?: string;
  rawBody: Buffer;
}

export interface StoredDelivery {
  id: string;
  /** True when the same bytes were stored before (a provider's redelivery). */
  duplicate: boolean;
}

interface Pending {
  row: Record<string, unknown>;
  hash: string;
  resolve(result: StoredDelivery): void;
  reject(error: unknown): void;
}

const MAX_BATCH = 200;
const keyOf = (p: Pending) => `${p.row.provider}:${p.hash}`;

/** SQLSTATE classes 22 (data exception) and 54 (program limit exceeded, e.g. nesting too deep for jsonb). */
const REFUSED_CONTENT = /^(22|54)/;
const refusesContent = (error: unknown) =>
  REFUSED_CONTENT.test(String((error as { code?: unknown } | undefined)?.code ?? ''));

/** A delivery the database refuses for its own content (not because the database is away). */
export class UnstorableDeliveryError extends Error {
  constructor(cause: unknown) {
    super(`delivery cannot be stored: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * The durable inbox in front of all processing. A delivery is acknowledged only after its row is
 * committed. Requests arriving together are written by one multi-row INSERT (one commit), which is
 * where the ack throughput comes from: each caller still waits for its own row to be durable.
 */
@injectable()
export class WebhookInbox extends EventEmitter {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(@inject(TYPES.Database) private readonly db: Database) {
    super();
  }

  store(delivery: IncomingDelivery): Promise<StoredDelivery> {
    const hash = crypto.createHash('sha256').update(delivery.rawBody).digest('hex');
    const row = {
      provider: delivery.provider,
      tenant_id: delivery.tenantId ?? null,
      payload: storableJson(delivery.payload, delivery.payloadJson),
      signature: delivery.signature ?? null,
      content_hash: hash,
    };
    return new Promise((resolve, reject) => {
      this.queue.push({ row, hash, resolve, reject });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, MAX_BATCH);
    try {
      const unique = [...new Map(batch.map((p) => [keyOf(p), p])).values()];
      const { inserted, refused } = await this.insertEach(unique);
      const duplicates = unique.filter((p) => !inserted.has(keyOf(p)) && !refused.has(keyOf(p)));
      const existing = duplicates.length ? await this.findExisting(duplicates) : new Map<string, string>();
      const answered = new Set<string>();
      for (const p of batch) {
        const key = keyOf(p);
        const refusal = refused.get(key);
        if (refusal) {
          p.reject(refusal);
          continue;
        }
        // Only the first copy of bytes new to the inbox is "new"; copies in the same batch are duplicates.
        const isNew = inserted.has(key) && !answered.has(key);
        answered.add(key);
        p.resolve({ id: inserted.get(key) ?? existing.get(key) ?? '', duplicate: !isNew });
      }
      if (inserted.size) this.emit('stored', inserted.size);
    } catch (error) {
      batch.forEach((p) => p.reject(error));
    } finally {
      this.flushing = false;
      if (this.queue.length) setImmediate(() => void this.flush());
    }
  }

  /**
   * One multi-row INSERT. Should the database refuse it for a row's content, each row is tried alone,
   * so one bad delivery cannot fail those batched with it; any other failure fails the whole batch.
   */
  private async insertEach(
    batch: Pending[],
  ): Promise<{ inserted: Map<string, string>; refused: Map<string, UnstorableDeliveryError> }> {
    const refused = new Map<string, UnstorableDeliveryError>();
    try {
      return { inserted: await this.insert(batch), refused };
    } catch (error) {
      if (!refusesContent(error)) throw error;
      if (batch.length === 1) {
        refused.set(keyOf(batch[0]), new UnstorableDeliveryError(error));
        return { inserted: new Map(), refused };
      }
    }
    const inserted = new Map<string, string>();
    for (const p of batch) {
      const alone = await this.insertEach([p]);
      alone.inserted.forEach((id, key) => inserted.set(key, id));
      alone.refused.forEach((error, key) => refused.set(key, error));
    }
    return { inserted, refused };
  }

  private async insert(batch: Pending[]): Promise<Map<string, string>> {
    const rows = await this.db
      .knex('whatsapp_webhook_events')
      // clock_timestamp() is taken row by row, so deliveries stored together keep their arrival order.
      .insert(batch.map((p) => ({ ...p.row, received_at: this.db.knex.raw('clock_timestamp()') })))
      .onConflict(['provider', 'content_hash'])
      .ignore()
      .returning(['id', 'provider', 'content_hash']);
    return new Map(
      rows.map((r: { id: string; provider: string; content_hash: string }) => [
        `${r.provider}:${r.content_hash}`,
        r.id,
      ]),
    );
  }

  private async findExisting(batch: Pending[]): Promise<Map<string, string>> {
    const rows = await this.db
      .knex('whatsapp_webhook_events')
      .whereIn(
        ['provider', 'content_hash'],
        batch.map((p) => [p.row.provider as string, p.hash]),
      )
      .select('id', 'provider', 'content_hash');
    return new Map(
      rows.map((r: { id: string; provider: string; content_hash: string }) => [
        `${r.provider}:${r.content_hash}`,
        r.id,
      ]),
    );
  }
}
