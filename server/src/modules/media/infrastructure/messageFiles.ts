import type { Database } from '../../../shared/db/Database';

/** The stored file of an inbound media message: read it with GET /media/:id once `stored`. */
export interface MessageFile {
  id: string;
  status: string;
  mimeType: string | null;
  filename: string | null;
  sizeBytes: number | null;
}

/** The files the tenant's messages carried, by message id (one query for a page of messages). */
export async function filesOfMessages(
  db: Database,
  tenantId: string,
  messageIds: string[],
): Promise<Map<string, MessageFile>> {
  if (!messageIds.length) return new Map();
  const rows = (await db
    .q('whatsapp_media')
    .where({ tenant_id: tenantId })
    .whereIn('message_id', messageIds)
    .orderBy('created_at')
    .select('id', 'message_id', 'status', 'mime_type', 'filename', 'size_bytes')) as Array<{
    id: string;
    message_id: string;
    status: string;
    mime_type: string | null;
    filename: string | null;
    size_bytes: string | number | null;
  }>;
  return new Map(
    rows.map((r) => [
      r.message_id,
      {
        id: r.id,
        status: r.status,
        mimeType: r.mime_type,
        filename: r.filename,
        sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
      },
    ]),
  );
}
