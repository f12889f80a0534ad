import type { FetchedMedia, MediaFetcher, MediaRef } from '../../modules/media/application/MediaFetcher';
import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';
import type { ProviderCredentials } from '../../modules/connection/domain/WhatsappConfiguration';
import { getWithCredentials } from './getWithCredentials';
import { httpFailure } from './httpFailure';
import type { MediaHostPolicy } from './MediaHostPolicy';
import { networkFailure } from './networkFailure';
import { readLimitedBody } from './readLimitedBody';

export interface GraphMediaEndpoint {
  /** Where `GET /{media-id}` lives: `<graph>/<version>` for Meta, the base URL for 360dialog. */
  lookupBaseUrl: string;
  /** Headers authenticating both requests; undefined when the configuration lacks the secret. */
  authHeaders(credentials: ProviderCredentials): Record<string, string> | undefined;
  /** 360dialog proxies Meta's CDN: the URL it returns is fetched with its host swapped to this one. */
  downloadBaseUrl?: string;
  /** Where the download URL the lookup answers (and its redirects) may point. */
  hosts: MediaHostPolicy;
}

interface MediaInfo {
  url: string;
  mimeType?: string;
  sha256?: string;
  declaredSize?: number;
}

/**
 * Meta Cloud API media (also 360dialog, which serves the same API): `GET /{media-id}` gives a
 * short-lived URL, downloaded with the same credentials. A 404 on that URL means it expired: the
 * next attempt asks for a new one. Only a media id is ever downloaded: a URL that came in a
 * webhook is not the provider's answer and is never fetched.
 */
export class GraphMediaFetcher implements MediaFetcher {
  constructor(private readonly endpoint: GraphMediaEndpoint) {}

  async fetch(ref: MediaRef, credentials: ProviderCredentials, signal: AbortSignal): Promise<FetchedMedia> {
    const headers = this.endpoint.authHeaders(credentials);
    if (!headers)
      throw new MediaDownloadError('MISSING_CREDENTIALS', 'no media credentials configured', false);
    if (!ref.providerMediaId)
      throw new MediaDownloadError('NO_MEDIA_ID', 'the message carried no media id', false);
    try {
      const info = await this.lookup(ref.providerMediaId, headers, signal);
      if (info.declaredSize !== undefined && info.declaredSize > ref.maxBytes)
        throw MediaDownloadError.tooLarge(info.declaredSize, ref.maxBytes);
      const response = await getWithCredentials(
        this.downloadUrl(info.url),
        headers,
        this.endpoint.hosts,
        signal,
      );
      if (!response.ok)
        throw await httpFailure(response, {
          source: 'graph',
          step: 'media download',
          notFoundRetryable: true,
        });
      const bytes = await readLimitedBody(response, ref.maxBytes);
      return {
        bytes,
        mimeType: info.mimeType ?? response.headers.get('content-type') ?? undefined,
        sha256: info.sha256,
        declaredSize: info.declaredSize,
      };
    } catch (error) {
      throw networkFailure(error);
    }
  }

  private async lookup(
    mediaId: string,
    headers: Record<string, string>,
    signal: AbortSignal,
  ): Promise<MediaInfo> {
    const lookupUrl = `${this.endpoint.lookupBaseUrl}/${encodeURIComponent(mediaId)}`;
    const response = await getWithCredentials(lookupUrl, headers, this.endpoint.hosts, signal);
    if (!response.ok) throw await httpFailure(response, { source: 'graph', step: 'media lookup' });
    const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const url = body?.url;
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url))
      throw new MediaDownloadError('BAD_RESPONSE', 'media lookup answered without a download URL', true);
    const size = Number(body?.file_size);
    return {
      url,
      mimeType: typeof body?.mime_type === 'string' ? body.mime_type : undefined,
      sha256: typeof body?.sha256 === 'string' ? body.sha256 : undefined,
      declaredSize: body?.file_size !== undefined && Number.isFinite(size) ? size : undefined,
    };
  }

  private downloadUrl(url: string): string {
    if (!this.endpoint.downloadBaseUrl) return url;
    const parsed = new URL(url);
    return `${this.endpoint.downloadBaseUrl}${parsed.pathname}${parsed.search}`;
  }
}
