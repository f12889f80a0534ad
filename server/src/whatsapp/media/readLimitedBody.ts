import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';

/**
 * The response body, refusing it as soon as it is known to exceed `maxBytes`: from Content-Length
 * before reading, or while streaming when the length is not stated (or is wrong).
 */
export async function readLimitedBody(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw MediaDownloadError.tooLarge(declared, maxBytes);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw MediaDownloadError.tooLarge(total, maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
