import { inject, injectable } from 'inversify';
import type { Config } from '../../config';
import type { MediaFetcher, MediaFetchers } from '../../modules/media/application/MediaFetcher';
import type { ProviderName } from '../../shared/providers';
import { TYPES } from '../../types';
import { GraphMediaFetcher } from './GraphMediaFetcher';
import { MediaHostPolicy } from './MediaHostPolicy';
import { TwilioMediaFetcher } from './TwilioMediaFetcher';

/**
 * Where each provider serves media files from (WHATSAPP_MEDIA_HOSTS replaces these): Meta's CDN
 * (`lookaside.fbsbx.com`), and Twilio's storage hosts its media resources redirect to.
 */
export const DEFAULT_MEDIA_HOSTS = {
  meta: ['*.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'],
  twilio: ['mms.twiliocdn.com', '*.twiliocdn.com', 's3-external-1.amazonaws.com'],
} as const;

/** Each provider's media fetcher, pointed at the configured API hosts. The console has none. */
@injectable()
export class ProviderMediaFetchers implements MediaFetchers {
  private readonly fetchers: Partial<Record<ProviderName, MediaFetcher>>;

  constructor(@inject(TYPES.Config) config: Config) {
    const w = config.whatsapp;
    const hosts = (apiBaseUrl: string, defaults: readonly string[]) =>
      new MediaHostPolicy([apiBaseUrl], w.mediaHosts ?? defaults);
    this.fetchers = {
      meta: new GraphMediaFetcher({
        lookupBaseUrl: `${w.apiBaseUrl}/${w.apiVersion}`,
        authHeaders: (c) => (c.accessToken ? { authorization: `Bearer ${c.accessToken}` } : undefined),
        hosts: hosts(w.apiBaseUrl, DEFAULT_MEDIA_HOSTS.meta),
      }),
      // 360dialog serves Meta's files itself: the download goes to its own API host.
      '360dialog': new GraphMediaFetcher({
        lookupBaseUrl: w.dialog360ApiBaseUrl,
        authHeaders: (c) => (c.dialog360ApiKey ? { 'D360-API-KEY': c.dialog360ApiKey } : undefined),
        downloadBaseUrl: w.dialog360ApiBaseUrl,
        hosts: hosts(w.dialog360ApiBaseUrl, DEFAULT_MEDIA_HOSTS.meta),
      }),
      twilio: new TwilioMediaFetcher(
        w.twilioApiBaseUrl,
        hosts(w.twilioApiBaseUrl, DEFAULT_MEDIA_HOSTS.twilio),
      ),
    };
  }

  forProvider(provider: ProviderName): MediaFetcher | undefined {
    return this.fetchers[provider];
  }
}
