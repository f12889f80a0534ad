/** The provider's id for an uploaded file: which provider and number it was uploaded to, and when. */
export interface ProviderUpload {
  providerMediaId: string;
  provider: string;
  /** The sending number's id at the provider (Meta's phone number id). */
  account: string;
  uploadedAt: Date;
}

/** A file uploaded through the API (direction OUTBOUND, stored), as the dispatcher sends it. */
export interface SendableMedia {
  id: string;
  tenantId: string;
  mimeType: string;
  filename?: string;
  storageKey: string;
  /** The last upload to a provider, if any. */
  upload?: ProviderUpload;
}

export interface SendableMediaRepository {
  /** The tenant's uploaded, stored file with this id; undefined otherwise (also for received media). */
  find(tenantId: string, id: string): Promise<SendableMedia | undefined>;
  /** Remembers the provider's id, so a retry or another send of the file does not upload again. */
  rememberUpload(tenantId: string, id: string, upload: ProviderUpload): Promise<void>;
}
