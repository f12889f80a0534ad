import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';

const MAX_REDIRECTS = 5;

/**
 * GET `url`, following redirects by hand: `credentials` go only to the origin of `url` itself,
 * never to a host it redirects to (fetch would forward a custom header such as D360-API-KEY).
 */
export async function getWithCredentials(
  url: string,
  credentials: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  const origin = new URL(url).origin;
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const headers = new URL(current).origin === origin ? credentials : {};
    const response = await fetch(current, { headers, signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) return response;
    await response.body?.cancel();
    current = new URL(location, current).toString();
  }
  throw new MediaDownloadError('TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects`, false);
}
