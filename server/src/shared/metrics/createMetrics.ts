import type { Database } from '../db/Database';
import { Metrics } from './Metrics';

/** The service's metrics, with the gauges read from the database on each scrape (queue depth, inbox backlog). */
export function createMetrics(db: Database): Metrics {
  const metrics = new Metrics();
  metrics.gaugeFromSource(
    'waops_outbound_queue_depth',
    'Outbound messages waiting in the queue, by status',
    ['status'],
    async () => {
      const rows = await db
        .q('whatsapp_messages')
        .where({ direction: 'OUTBOUND' })
        .whereIn('status', ['queued', 'sending', 'unconfirmed'])
        .groupBy('status')
        .select('status')
        .count<Array<{ status: string; count: string | number }>>('* as count');
      const depth = new Map<string, number>([
        ['queued', 0],
        ['sending', 0],
        ['unconfirmed', 0],
      ]);
      for (const r of rows) depth.set(r.status, Number(r.count));
      return [...depth].map(([status, value]) => ({ labels: { status }, value }));
    },
  );
  metrics.gaugeFromSource(
    'waops_inbox_backlog',
    'Webhook events stored but not yet processed',
    [],
    async () => {
      const row = await db
        .q('whatsapp_webhook_events')
        .whereNull('processed_at')
        .count<Array<{ count: string | number }>>('* as count')
        .first();
      return [{ labels: {}, value: Number(row?.count ?? 0) }];
    },
  );
  metrics.gaugeFromSource(
    'waops_connection_up',
    '1 while a WhatsApp connection is active and its last test (if any) passed, else 0',
    ['tenant', 'connection'],
    async () => {
      const rows = await db
        .q('whatsapp_configurations')
        .select(
          'tenant_id',
          'id',
          db.knex.raw(
            `(status = 'active' AND COALESCE((health->'lastTest'->>'ok')::boolean, true))::int AS up`,
          ),
        );
      return (rows as Array<{ tenant_id: string; id: string; up: number }>).map((r) => ({
        labels: { tenant: r.tenant_id, connection: r.id },
        value: Number(r.up),
      }));
    },
  );
  metrics.gaugeFromSource(
    'waops_usage',
    "Each tenant's count in its latest usage period: messages, ai_conversations, billable:<category>",
    ['tenant', 'counter'],
    async () => {
      const { rows } = await db.q.raw<{ rows: Array<{ tenant_id: string; counter: string; used: number }> }>(
        `SELECT DISTINCT ON (tenant_id, counter) tenant_id, counter, used
           FROM usage_counters ORDER BY tenant_id, counter, period_start DESC`,
      );
      return rows.map((r) => ({
        labels: { tenant: r.tenant_id, counter: r.counter },
        value: Number(r.used),
      }));
    },
  );
  return metrics;
}
