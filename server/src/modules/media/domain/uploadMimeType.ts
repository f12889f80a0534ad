/**
 * The type a stored file is uploaded to the provider as: the bare MIME type, except that Ogg audio
 * goes as `audio/ogg; codecs=opus`, the only Ogg audio WhatsApp plays (SPEC §8).
 */
export function uploadMimeType(storedMimeType: string): string {
  const base = storedMimeType.split(';')[0].trim().toLowerCase();
  return base === 'audio/ogg' ? 'audio/ogg; codecs=opus' : base;
}
