import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env, query } from './backdoor';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The built server runs from the repository with the default DATA_DIR (./data). */
const MEDIA_ROOT = path.join(ROOT, 'data', 'media');

export type InboundFile =
  | { type: 'image'; mimeType: string; caption?: string }
  | { type: 'audio'; mimeType: string; voice?: boolean }
  | { type: 'document'; mimeType: string; filename: string; caption?: string };

/** A customer's file as Meta delivers it to the webhook (the media id names the file at Meta). */
export async function whatsappFile(from: string, file: InboundFile, name = 'Customer'): Promise<string> {
  const waId = from.replace(/^\+/, '');
  const mediaId = `${crypto.randomInt(1e9, 2e9)}${crypto.randomInt(1e6, 9e6)}`;
  const { type, mimeType, ...rest } = file;
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
              contacts: [{ profile: { name }, wa_id: waId }],
              messages: [
                {
                  from: waId,
                  id: `wamid.E2E${crypto.randomBytes(10).toString('hex')}`,
                  timestamp: String(Math.floor(Date.now() / 1000)),
                  type,
                  [type]: { id: mediaId, mime_type: mimeType, ...rest },
                },
              ],
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
  return mediaId;
}

/** The media row the message carrying `providerMediaId` got, once the inbox has processed it. */
export async function mediaRow(providerMediaId: string): Promise<{ id: string; tenant_id: string }> {
  for (let i = 0; i < 100; i++) {
    const [row] = await query<{ id: string; tenant_id: string }>(
      `SELECT id, tenant_id FROM whatsapp_media WHERE provider_media_id = $1`,
      [providerMediaId],
    );
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no media row for ${providerMediaId}`);
}

/**
 * What the media downloader does once WhatsApp hands the file over (the console provider the tests
 * run on has no media host to download from; the download itself is tested against a fake Graph API).
 */
export async function fileDownloaded(providerMediaId: string, bytes: Buffer): Promise<string> {
  const row = await mediaRow(providerMediaId);
  const key = `${row.tenant_id}/e2e/${row.id}`;
  fs.mkdirSync(path.dirname(path.join(MEDIA_ROOT, key)), { recursive: true });
  fs.writeFileSync(path.join(MEDIA_ROOT, key), bytes);
  await query(
    `UPDATE whatsapp_media SET status = 'stored', storage_key = $2, size_bytes = $3, stored_at = now(),
            sha256 = $4, error = NULL WHERE id = $1`,
    [row.id, key, bytes.length, crypto.createHash('sha256').update(bytes).digest('hex')],
  );
  return row.id;
}
