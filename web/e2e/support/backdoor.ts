import crypto from 'node:crypto';
import pg from 'pg';
import { readEnvironment } from './environment';

/**
 * What the tests do outside the browser, the way the world around the console does it: a customer
 * or a guide writes on WhatsApp (a signed Meta-format webhook through the console channel), staff
 * read the code WhatsApp delivered to them, the API is called with an API key.
 */
export const env = readEnvironment();

export async function query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: env.databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A WhatsApp text from `from`, as Meta delivers it to the webhook. */
export async function whatsappText(from: string, text: string, name = 'Customer'): Promise<void> {
  await whatsappMessage(from, name, { type: 'text', text: { body: text } });
}

/** One customer message (`type` and its object) from `from`, signed and posted as Meta delivers it. */
export async function whatsappMessage(
  from: string,
  name: string,
  message: Record<string, unknown>,
): Promise<void> {
  const waId = from.replace(/^\+/, '');
  await postMetaChange({
    contacts: [{ profile: { name }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: `wamid.E2E${crypto.randomBytes(10).toString('hex')}`,
        timestamp: String(Math.floor(Date.now() / 1000)),
        ...message,
      },
    ],
  });
}

/** A `messages` change of the e2e number, in Meta's envelope, signed with the app secret. */
async function postMetaChange(value: Record<string, unknown>): Promise<void> {
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '0',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '', phone_number_id: '100000000000000' },
              ...value,
            },
          },
        ],
      },
    ],
  });
  const signature = crypto.createHmac('sha256', env.webhookSecret).update(body).digest('hex');
  const res = await fetch(`${env.baseURL}/api/whatsapp/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${signature}` },
    body,
  });
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
}

/** The last login code WhatsApp delivered to `phone` (the console provider keeps what it sends). */
export async function lastLoginCode(phone: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const [row] = await query<{ code: string }>(
      `SELECT content->'template'->'params'->>0 AS code FROM whatsapp_messages
        WHERE customer_phone = $1 AND content->'template'->>'name' = 'login_code' ORDER BY created_at DESC LIMIT 1`,
      [phone],
    );
    if (row) return row.code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no login code for ${phone}`);
}

/** The API, called with a staff member's API key. */
export async function callApi<T = { id: string }>(
  apiKey: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${env.baseURL}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${apiKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A status callback for one of our sends, as Meta delivers it (delivered, read), billed in `category` if given. */
export async function whatsappStatus(
  providerMessageId: string,
  to: string,
  status: 'delivered' | 'read',
  category?: string,
): Promise<void> {
  await postMetaChange({
    statuses: [
      {
        id: providerMessageId,
        status,
        timestamp: String(Math.floor(Date.now() / 1000)),
        recipient_id: to.replace(/^\+/, ''),
        ...(category ? { pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category } } : {}),
      },
    ],
  });
}
