import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Logger } from '../../../shared/logging/createLogger';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import { CloudApiProvider } from './cloudapi/CloudApiProvider';
import { ConsoleProvider } from './console/ConsoleProvider';
import { Dialog360Endpoint } from './dialog360/Dialog360Endpoint';
import { MetaEndpoint } from './meta/MetaEndpoint';
import { TwilioProvider } from './twilio/TwilioProvider';
import type { WhatsappProvider, WhatsappProviders } from './WhatsappProvider';

/** Every provider's adapter, pointed at the configured API hosts. */
@injectable()
export class ProviderRegistry implements WhatsappProviders {
  private readonly providers: Record<ProviderName, WhatsappProvider>;

  constructor(@inject(TYPES.Config) config: Config, @inject(TYPES.Logger) logger: Logger) {
    const w = config.whatsapp;
    this.providers = {
      meta: new CloudApiProvider(MetaEndpoint.of(w.apiBaseUrl, w.apiVersion)),
      '360dialog': new CloudApiProvider(new Dialog360Endpoint(w.dialog360ApiBaseUrl)),
      twilio: new TwilioProvider({
        apiBaseUrl: w.twilioApiBaseUrl,
        statusCallbackUrl: `${config.publicBaseUrl}/api/whatsapp/webhook/twilio`,
      }),
      console: new ConsoleProvider(logger.child({ component: 'console-provider' })),
    };
  }

  forProvider(provider: ProviderName): WhatsappProvider {
    return this.providers[provider];
  }
}
