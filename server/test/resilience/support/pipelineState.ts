import { Pool } from 'pg';

export interface InboxState {
  rows: number;
  processed: number;
  /** Events whose last attempt failed (still to retry, or given up on). */
  failed: number;
}

/** What the pipeline wrote, read straight from the database (as an operator would check it). */
export class PipelineState {
  private readonly pool: Pool;

  constructor(databaseUrl: string) {
    this.pool = new Pool({ connectionString: databaseUrl, max: 2 });
    // The cluster may be stopped under us: idle clients then error, which must not crash the test run.
    this.pool.on('error', () => undefined);
  }

  private async rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async inbox(): Promise<InboxState> {
    const [row] = await this.rows<InboxState>(
      `SELECT count(*)::int AS rows, count(processed_at)::int AS processed,
              count(*) FILTER (WHERE error IS NOT NULL)::int AS failed
         FROM whatsapp_webhook_events`,
    );
    return row;
  }

  /** Inbox rows carrying messages (not only statuses): one per distinct customer delivery. */
  async inboxMessageDeliveries(): Promise<number> {
    const [row] = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM whatsapp_webhook_events
        WHERE payload #> '{entry,0,changes,0,value,messages}' IS NOT NULL`,
    );
    return row.n;
  }

  /** Errors recorded on inbox events (failed attempts and give-ups). */
  async inboxErrors(): Promise<string[]> {
    const rows = await this.rows<{ error: string }>(
      `SELECT error FROM whatsapp_webhook_events WHERE error IS NOT NULL LIMIT 20`,
    );
    return rows.map((r) => r.error);
  }

  /** Inbound message rows per provider message id (the wamid). */
  async inboundRowsPerWamid(): Promise<Map<string, number>> {
    return this.countsBy(
      `SELECT provider_message_id AS key, count(*)::int AS n FROM whatsapp_messages
        WHERE direction = 'INBOUND' GROUP BY provider_message_id`,
    );
  }

  async leadsPerCustomer(): Promise<Map<string, number>> {
    return this.countsBy(
      `SELECT customer_phone AS key, count(*)::int AS n FROM leads GROUP BY customer_phone`,
    );
  }

  /** Replies the router queued (outbound rows with purpose "reply"), per customer. */
  async repliesPerCustomer(): Promise<Map<string, number>> {
    return this.countsBy(
      `SELECT customer_phone AS key, count(*)::int AS n FROM whatsapp_messages
        WHERE direction = 'OUTBOUND' AND content->>'purpose' = 'reply' GROUP BY customer_phone`,
    );
  }

  /** Outbound rows by status (queued, sending, sent, failed, …). */
  async outboundByStatus(): Promise<Record<string, number>> {
    const map = await this.countsBy(
      `SELECT status AS key, count(*)::int AS n FROM whatsapp_messages WHERE direction = 'OUTBOUND' GROUP BY status`,
    );
    return Object.fromEntries(map);
  }

  /** Outbound rows still to go out (queued, sending under a lease, or waiting for a status naming it). */
  async outboundPending(): Promise<number> {
    const [row] = await this.rows<{ n: number }>(
      `SELECT count(*)::int AS n FROM whatsapp_messages WHERE direction = 'OUTBOUND' AND status IN ('queued', 'sending', 'unconfirmed')`,
    );
    return row.n;
  }

  /**
   * Per reply (keyed by recipient): its status, its attempts settled as sent, and those left
   * unsettled — handed to the provider by a process that died before recording the outcome.
   */
  async replyAttempts(): Promise<Map<string, { status: string; sent: number; unsettled: number }>> {
    const rows = await this.rows<{ phone: string; status: string; sent: number; unsettled: number }>(
      `SELECT m.customer_phone AS phone, m.status,
              count(a.id) FILTER (WHERE a.outcome = 'sent')::int AS sent,
              count(a.id) FILTER (WHERE a.outcome = 'pending')::int AS unsettled
         FROM whatsapp_messages m LEFT JOIN whatsapp_send_attempts a ON a.message_id = m.id
        WHERE m.direction = 'OUTBOUND' AND m.content->>'purpose' = 'reply'
        GROUP BY m.id, m.customer_phone, m.status`,
    );
    return new Map(rows.map((r) => [r.phone, { status: r.status, sent: r.sent, unsettled: r.unsettled }]));
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.rows<T>(sql, params);
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  private async countsBy(sql: string): Promise<Map<string, number>> {
    const rows = await this.rows<{ key: string; n: number }>(sql);
    return new Map(rows.map((r) => [r.key, r.n]));
  }
}
