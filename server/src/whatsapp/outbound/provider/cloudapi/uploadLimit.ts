import type { MediaUpload } from '../WhatsappProvider';
import { invalidMessage } from './invalidMessage';

const MB = 1024 * 1024;

/** Meta's size limits for uploaded media, by type: stickers (webp) 500 KB, images 5 MB, audio and video 16 MB, documents 100 MB. */
function maxBytes(mimeType: string): number {
  const type = mimeType.split(';')[0].trim().toLowerCase();
  if (type === 'image/webp') return 500 * 1024;
  if (type.startsWith('image/')) return 5 * MB;
  if (type.startsWith('audio/') || type.startsWith('video/')) return 16 * MB;
  return 100 * MB;
}

/** Refuses, before uploading, media WhatsApp would refuse for its size. */
export function checkUploadSize(media: MediaUpload): void {
  const limit = maxBytes(media.mimeType);
  if (media.bytes.length === 0) throw invalidMessage('the media is empty');
  if (media.bytes.length > limit)
    throw invalidMessage(
      `${media.mimeType} media must be at most ${limit} bytes (has ${media.bytes.length})`,
    );
}
