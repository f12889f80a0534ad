import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';
import { httpGet } from './httpGet';
import type { MediaHostPolicy } from './MediaHostPolicy';

const MAX_REDIRECTS = 5;

/**
 * GET `url`, following redirects by hand. Every hop must be allowed by `policy` (the provider's
 * hosts, public addresses); `credentials` go only to the origin of `url` itself, never to a host
 * it redirects to.
 */
export async function getWithCredentials(
  url: string,
  credentials: Record<string, string>,
  policy: MediaHostPolicy,
  signal: AbortSignal,
): Promise<Response> {
  const origin = new URL(url).origin;
  let current = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers = current.origin === origin ? credentials : {};
    const response = await httpGet(current, headers, policy.check(current), signal);
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    current = new URL(location, current);
  }
  throw new MediaDownloadError('TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`, false);
}
