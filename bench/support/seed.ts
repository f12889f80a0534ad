import { Client } from 'pg';

/** Argentine mobile numbers (+54 9 11 60xx xxxx) for seeded customer `i` (1-based, < 1,000,000). */
export const seededPhone = (i: number) => `+5491160${String(i).padStart(6, '0')}`;

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'wa-ops-bench-seed' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The default tenant's id (the server creates it on its first start). */
export function defaultTenantId(url: string): Promise<string> {
  return withClient(
    url,
    async (c) => (await c.query<{ id: string }>(`SELECT id FROM tenants LIMIT 1`)).rows[0].id,
  );
}

/**
 * `count` customers who wrote in just now: an active conversation (24-hour window open) with one
 * inbound message each — what a busy number has after a while. Set-based SQL, seconds for 100k.
 */
export async function seedConversations(url: string, count: number): Promise<void> {
  const tenantId = await defaultTenantId(url);
  await withClient(url, async (c) => {
    await c.query(
      `INSERT INTO whatsapp_conversations
              (tenant_id, customer_phone, customer_name, last_inbound_at, last_message_at, expires_at, unread_count)
       SELECT $1, '+5491160' || lpad(g::text, 6, '0'), 'Customer ' || g, now(), now(), now() + interval '24 hours', 1
         FROM generate_series(1, $2::int) g
       ON CONFLICT (tenant_id, customer_phone) WHERE status = 'active' DO NOTHING`,
      [tenantId, count],
    );
    await c.query(
      `INSERT INTO whatsapp_messages
              (tenant_id, conversation_id, provider_message_id, direction, type, customer_phone, content, status, provider_timestamp)
       SELECT tenant_id, id, 'wamid.seed' || substr(customer_phone, 2), 'INBOUND', 'text', customer_phone,
              jsonb_build_object('text', 'Hi, we are 4 people, trip in March?'), 'received', now()
         FROM whatsapp_conversations WHERE tenant_id = $1
       ON CONFLICT DO NOTHING`,
      [tenantId],
    );
    await c.query('ANALYZE');
  });
}

/** A queued text reply to each of the first `count` seeded customers (the dispatcher's work). */
export async function seedQueuedReplies(url: string, count: number): Promise<void> {
  const tenantId = await defaultTenantId(url);
  await withClient(url, (c) =>
    c.query(
      `INSERT INTO whatsapp_messages
              (tenant_id, conversation_id, direction, type, customer_phone, content, status, status_history, available_at)
       SELECT tenant_id, id, 'OUTBOUND', 'text', customer_phone,
              jsonb_build_object('purpose', 'reply', 'text', 'Thanks! Lead L-' || substr(customer_phone, 9) || ' is open; a rep will write to you shortly.'),
              'queued', '[]'::jsonb, now()
         FROM whatsapp_conversations WHERE tenant_id = $1 ORDER BY customer_phone LIMIT $2::int`,
      [tenantId, count],
    ),
  );
}
