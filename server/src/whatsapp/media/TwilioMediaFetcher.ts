import type { FetchedMedia, MediaFetcher, MediaRef } from '../../modules/media/application/MediaFetcher';
import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';
import type { ProviderCredentials } from '../../modules/connection/domain/WhatsappConfiguration';
import { getWithCredentials } from './getWithCredentials';
import { httpFailure } from './httpFailure';
import type { MediaHostPolicy } from './MediaHostPolicy';
import { networkFailure } from './networkFailure';
import { readLimitedBody } from './readLimitedBody';

const MEDIA_SID = /^ME[0-9a-f]{32}$/i;

/**
 * Twilio media: the media resource on the Twilio API with HTTP basic auth (AccountSid:AuthToken),
 * which redirects to the file on a storage host; the credentials go to the Twilio API origin only.
 */
export class TwilioMediaFetcher implements MediaFetcher {
  constructor(
    private readonly apiBaseUrl: string,
    private readonly hosts: MediaHostPolicy,
  ) {}

  async fetch(ref: MediaRef, credentials: ProviderCredentials, signal: AbortSignal): Promise<FetchedMedia> {
    const { twilioAccountSid: sid, twilioAuthToken: token } = credentials;
    if (!sid || !token)
      throw new MediaDownloadError('MISSING_CREDENTIALS', 'no Twilio account SID and auth token', false);
    const authorization = `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`;
    try {
      const url = this.mediaUrl(ref, sid);
      const response = await getWithCredentials(url, { authorization }, this.hosts, signal);
      if (!response.ok) throw await httpFailure(response, { source: 'twilio', step: 'media download' });
      const bytes = await readLimitedBody(response, ref.maxBytes);
      return { bytes, mimeType: response.headers.get('content-type') ?? undefined };
    } catch (error) {
      throw networkFailure(error);
    }
  }

  /** Built from the media and message SIDs as Twilio forms `MediaUrl{N}`, on the configured API. */
  private mediaUrl(ref: MediaRef, accountSid: string): string {
    if (!ref.providerMediaId || !MEDIA_SID.test(ref.providerMediaId) || !ref.providerMessageId)
      throw new MediaDownloadError('BAD_MEDIA_REF', 'need a media SID and its message SID', false);
    const path = [accountSid, 'Messages', ref.providerMessageId, 'Media', ref.providerMediaId]
      .map(encodeURIComponent)
      .join('/');
    return `${this.apiBaseUrl}/2010-04-01/Accounts/${path}`;
  }
}
