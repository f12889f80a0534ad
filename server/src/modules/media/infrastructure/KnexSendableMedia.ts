import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { isUuid } from '../../lead/domain/isUuid';
import type { ProviderUpload, SendableMedia, SendableMediaRepository } from '../domain/sendableMedia';

interface Row {
  id: string;
  tenant_id: string;
  mime_type: string | null;
  filename: string | null;
  storage_key: string | null;
  provider_media_id: string | null;
  upload_provider: string | null;
  upload_account: string | null;
  uploaded_at: Date | string | null;
}

function uploadOf(r: Row): ProviderUpload | undefined {
  if (!r.provider_media_id || !r.upload_provider || !r.upload_account || !r.uploaded_at) return undefined;
  return {
    providerMediaId: r.provider_media_id,
    provider: r.upload_provider,
    account: r.upload_account,
    uploadedAt: new Date(r.uploaded_at),
  };
}

/** Uploaded files on whatsapp_media (direction OUTBOUND); the provider's id in `provider_media_id`. */
@injectable()
export class KnexSendableMedia implements SendableMediaRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string, id: string): Promise<SendableMedia | undefined> {
    if (!isUuid(id)) return undefined;
    const row = (await this.db
      .q('whatsapp_media')
      .where({ tenant_id: tenantId, id, direction: 'OUTBOUND', status: 'stored' })
      .first()) as Row | undefined;
    if (!row?.storage_key) return undefined;
    return {
      id: row.id,
      tenantId: row.tenant_id,
      mimeType: row.mime_type ?? 'application/octet-stream',
      filename: row.filename ?? undefined,
      storageKey: row.storage_key,
      upload: uploadOf(row),
    };
  }

  async rememberUpload(tenantId: string, id: string, upload: ProviderUpload): Promise<void> {
    await this.db.q('whatsapp_media').where({ tenant_id: tenantId, id, direction: 'OUTBOUND' }).update({
      provider_media_id: upload.providerMediaId,
      upload_provider: upload.provider,
      upload_account: upload.account,
      uploaded_at: upload.uploadedAt.toISOString(),
    });
  }
}
