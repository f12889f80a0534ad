import type { Database } from '../../../shared/db/Database';
import { isUuid } from '../../lead/domain/isUuid';

export interface MediaFile {
  id: string;
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
      status: row.status,
      mimeType: row.mime_type ?? undefined,
      filename: row.filename ?? undefined,
      storageKey: row.storage_key ?? undefined,
      sizeBytes: row.size_bytes === null ? undefined : Number(row.size_bytes),
    }
  );
}
