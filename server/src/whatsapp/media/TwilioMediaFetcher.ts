import type { FetchedMedia, MediaFetcher, MediaRef } from '../../modules/media/application/MediaFetcher';
import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';
import type { ProviderCredentials } from '../../modules/connection/domain/WhatsappConfiguration';
import { getWithCredentials } from './getWithCredentials';
import { httpFailure } from './httpFailure';
import { networkFailure } from './networkFailure';
import { readLimitedBody } from './readLimitedBody';

const MEDIA_SID = /^ME[0-9a-f]{32}$/i;

/**
 * Twilio media: `MediaUrl{N}` with HTTP basic auth (AccountSid:AuthToken), which redirects to the
 * file on a storage host; the credentials go to the Twilio API origin only.
 */
export class TwilioMediaFetcher implements MediaFetcher {
  private readonly origin: string;

  constructor(private readonly apiBaseUrl: string) {
    this.origin = new URL(apiBaseUrl).origin;
  }

  async fetch(ref: MediaRef, credentials: ProviderCredentials, signal: AbortSignal): Promise<FetchedMedia> {
    const { twilioAccountSid: sid, twilioAuthToken: token } = credentials;
    if (!sid || !token)
      throw new MediaDownloadError('MISSING_CREDENTIALS', 'no Twilio account SID and auth token', false);
    const authorization = `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`;
    try {
      const response = await getWithCredentials(this.mediaUrl(ref, sid), { authorization }, signal);
      if (!response.ok) throw await httpFailure(response, { source: 'twilio', step: 'media download' });
      const bytes = await readLimitedBody(response, ref.maxBytes);
      return { bytes, mimeType: response.headers.get('content-type') ?? undefined };
    } catch (error) {
      throw networkFailure(error);
    }
  }

  /**
   * The row keeps the media SID (addPending prefers it to the URL), so the URL is rebuilt the way
   * Twilio forms `MediaUrl{N}`; a stored URL is used only when it points at the Twilio API.
   */
  private mediaUrl(ref: MediaRef, accountSid: string): string {
    if (ref.url) {
      if (!URL.canParse(ref.url) || new URL(ref.url).origin !== this.origin)
        throw new MediaDownloadError('UNTRUSTED_MEDIA_URL', 'the media URL is not on the Twilio API', false);
      return ref.url;
    }
    if (!ref.providerMediaId || !MEDIA_SID.test(ref.providerMediaId) || !ref.providerMessageId)
      throw new MediaDownloadError('BAD_MEDIA_REF', 'need a media SID and its message SID', false);
    const path = [accountSid, 'Messages', ref.providerMessageId, 'Media', ref.providerMediaId]
      .map(encodeURIComponent)
      .join('/');
    return `${this.apiBaseUrl}/2010-04-01/Accounts/${path}`;
  }
}
