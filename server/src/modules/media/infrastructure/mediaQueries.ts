import type { Database } from '../../../shared/db/Database';
import { isUuid } from '../../lead/domain/isUuid';

export interface MediaFile {
  id: string;
  direction: 'INBOUND' | 'OUTBOUND';
  /** The message that carried it (inbound media). */
  messageId?: string;
  status: string;
  mimeType?: string;
  filename?: string;
  storageKey?: string;
  sizeBytes?: number;
}

/** A media row of the tenant (inbound or uploaded), by id. */
export async function findMediaFile(
  db: Database,
  tenantId: string,
  id: string,
): Promise<MediaFile | undefined> {
  if (!isUuid(id)) return undefined;
  const row = (await db.q('whatsapp_media').where({ tenant_id: tenantId, id }).first()) as
    | {
        id: string;
        direction: 'INBOUND' | 'OUTBOUND';
        message_id: string | null;
        status: string;
        mime_type: string | null;
        filename: string | null;
        storage_key: string | null;
        size_bytes: string | number | null;
      }
    | undefined;
  return (
    row && {
      id: row.id,
      direction: row.direction,
      messageId: row.message_id ?? undefined,
      status: row.status,
      mimeType: row.mime_type ?? undefined,
      filename: row.filename ?? undefined,
      storageKey: row.storage_key ?? undefined,
      sizeBytes: row.size_bytes === null ? undefined : Number(row.size_bytes),
    }
  );
}

/** Whether the message carrying a file was filed on a trip `userId` is assigned to (AttachTripMedia). */
export async function isOnAssignedTrip(
  db: Database,
  tenantId: string,
  messageId: string,
  userId: string,
): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const row = await db
    .q('trip_assignments as a')
    .join('timeline_entries as t', function () {
      this.on('t.tenant_id', 'a.tenant_id').andOn('t.entity_id', 'a.trip_id');
    })
    .where({ 'a.tenant_id': tenantId, 'a.user_id': userId, 't.entity_type': 'trip' })
    .whereRaw(`t.content->>'action' = 'MEDIA_ADDED' AND t.content->>'messageId' = ?`, [messageId])
    .first('t.id');
  return row !== undefined;
}
