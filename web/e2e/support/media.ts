import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { query, whatsappMessage } from './backdoor';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** The built server runs from the repository with the default DATA_DIR (./data). */
const MEDIA_ROOT = path.join(ROOT, 'data', 'media');

export type InboundFile =
  | { type: 'image'; mimeType: string; caption?: string }
  | { type: 'audio'; mimeType: string; voice?: boolean }
  | { type: 'document'; mimeType: string; filename: string; caption?: string };

/** A customer's file as Meta delivers it to the webhook (the media id names the file at Meta). */
export async function whatsappFile(from: string, file: InboundFile, name = 'Customer'): Promise<string> {
  const mediaId = `${crypto.randomInt(1e9, 2e9)}${crypto.randomInt(1e6, 9e6)}`;
  const { type, mimeType, ...rest } = file;
  await whatsappMessage(from, name, { type, [type]: { id: mediaId, mime_type: mimeType, ...rest } });
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
