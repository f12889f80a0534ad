const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'video/mp4': 'mp4',
  'video/3gpp': '3gp',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

function extensionOf(mimeType?: string, filename?: string): string {
  const known = mimeType && EXTENSIONS[mimeType.split(';')[0].trim().toLowerCase()];
  if (known) return known;
  return /\.([a-z0-9]{1,8})$/i.exec(filename ?? '')?.[1].toLowerCase() ?? 'bin';
}

/** `<tenantId>/<yyyy>/<mm>/<mediaId>.<ext>`, month in UTC; the extension follows the MIME type, then the filename. */
export function mediaStorageKey(
  media: { id: string; tenantId: string; mimeType?: string; filename?: string },
  at: Date,
): string {
  const yyyy = String(at.getUTCFullYear());
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  return `${media.tenantId}/${yyyy}/${mm}/${media.id}.${extensionOf(media.mimeType, media.filename)}`;
}
