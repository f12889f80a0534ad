import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';

/**
 * Anything thrown while talking to a provider, as a MediaDownloadError: ours pass through, the
 * rest (connection refused, reset, timeout) are worth retrying.
 */
export function networkFailure(error: unknown): MediaDownloadError {
  if (error instanceof MediaDownloadError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return new MediaDownloadError('TIMEOUT', 'the download took too long', true);
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new MediaDownloadError('NETWORK', cause?.code ? `${message} (${cause.code})` : message, true);
}
