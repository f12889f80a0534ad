import { Client } from 'pg';
import { defaultTenantId } from './seed';

/** Argentine mobile numbers (+54 9 11 61xx xxxx) of the broadcast's recipients (1-based). */
export const broadcastPhone = (i: number) => `+5491161${String(i).padStart(6, '0')}`;

/**
 * A broadcast as SendBroadcast queues it, to `count` opted-in customers: an approved
 * `trip_broadcast` template and one low-priority template message each. Set-based SQL.
 */
export async function seedBroadcast(url: string, count: number): Promise<void> {
  const tenantId = await defaultTenantId(url);
  const client = new Client({ connectionString: url, application_name: 'wa-ops-bench-seed' });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO whatsapp_templates (tenant_id, name, language, category, status, components)
       VALUES ($1, 'trip_broadcast', 'en', 'UTILITY', 'APPROVED',
               '[{"type":"BODY","text":"Trip {{1}}: {{2}}. Reply to this message if you have any questions."}]')`,
      [tenantId],
    );
    await client.query(
      `INSERT INTO whatsapp_opt_ins (tenant_id, phone, status, source)
       SELECT $1, '+5491161' || lpad(g::text, 6, '0'), 'opted_in', 'inbound' FROM generate_series(1, $2::int) g`,
      [tenantId, count],
    );
    await client.query(
      `INSERT INTO whatsapp_messages
              (tenant_id, direction, type, customer_phone, content, status, status_history, priority, available_at)
       SELECT $1, 'OUTBOUND', 'template', '+5491161' || lpad(g::text, 6, '0'),
              '{"purpose":"broadcast","template":{"name":"trip_broadcast","params":["TRP1","we meet at the hotel lobby at 6:00"]}}'::jsonb,
              'queued', '[]'::jsonb, 'low', now() + g * interval '1 microsecond'
         FROM generate_series(1, $2::int) g`,
      [tenantId, count],
    );
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
