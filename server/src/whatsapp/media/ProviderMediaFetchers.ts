import { inject, injectable } from 'inversify';
import type { Config } from '../../config';
import type { MediaFetcher, MediaFetchers } from '../../modules/media/application/MediaFetcher';
import type { ProviderName } from '../../shared/providers';
import { TYPES } from '../../types';
import { GraphMediaFetcher } from './GraphMediaFetcher';
import { TwilioMediaFetcher } from './TwilioMediaFetcher';

/** Each provider's media fetcher, pointed at the configured API hosts. The console has none. */
@injectable()
export class ProviderMediaFetchers implements MediaFetchers {
  private readonly fetchers: Partial<Record<ProviderName, MediaFetcher>>;

  constructor(@inject(TYPES.Config) config: Config) {
    const w = config.whatsapp;
    this.fetchers = {
      meta: new GraphMediaFetcher({
        lookupBaseUrl: `${w.apiBaseUrl}/${w.apiVersion}`,
        authHeaders: (c) => (c.accessToken ? { authorization: `Bearer ${c.accessToken}` } : undefined),
      }),
      '360dialog': new GraphMediaFetcher({
        lookupBaseUrl: w.dialog360ApiBaseUrl,
        authHeaders: (c) => (c.dialog360ApiKey ? { 'D360-API-KEY': c.dialog360ApiKey } : undefined),
        downloadBaseUrl: w.dialog360ApiBaseUrl,
      }),
      twilio: new TwilioMediaFetcher(w.twilioApiBaseUrl),
    };
  }

  forProvider(provider: ProviderName): MediaFetcher | undefined {
    return this.fetchers[provider];
  }
}
