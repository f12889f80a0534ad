import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { TenantDirectory } from '../../../modules/connection/application/TenantDirectory';
import type { SmsChannel } from '../../../modules/smsfallback/domain/SmsFallback';
import { TYPES } from '../../../types';
import { ProviderError } from '../provider/ProviderError';
import { postTwilioMessage, type TwilioCredentials } from '../provider/twilio/postTwilioMessage';
import { smsForm, type SmsRequest } from '../provider/twilio/smsForm';
import type { SendResult } from '../provider/WhatsappProvider';

/**
 * SMS through Twilio's Messages API (the SMS fallback, SPEC §21), with the tenant's Twilio
 * connection, else the installation's TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN, at
 * TWILIO_API_BASE_URL. A refused credential fails the SMS for good: it must not pause the
 * tenant's WhatsApp sending (panic mode) the way a WhatsApp credential does.
 */
@injectable()
export class SmsSender implements SmsChannel {
  constructor(
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.Config) private readonly config: Config,
  ) {}

  async available(tenantId: string): Promise<boolean> {
    return (await this.credentials(tenantId)) !== undefined;
  }

  async send(tenantId: string, request: SmsRequest, signal?: AbortSignal): Promise<SendResult> {
    const credentials = await this.credentials(tenantId);
    if (!credentials)
      throw new ProviderError('permanent', 'missing_configuration', 'no Twilio credentials to send SMS with');
    return postTwilioMessage(this.config.whatsapp.twilioApiBaseUrl, credentials, smsForm(request), {
      signal,
    }).catch((error: unknown) => {
      if (error instanceof ProviderError && error.kind === 'auth')
        throw new ProviderError('permanent', error.code, error.title, error.details);
      throw error;
    });
  }

  private async credentials(tenantId: string): Promise<TwilioCredentials | undefined> {
    const own = (await this.directory.forTenant(tenantId, 'twilio'))?.credentials;
    const accountSid = own?.twilioAccountSid ?? this.config.whatsapp.twilioAccountSid;
    const authToken = own?.twilioAccountSid ? own.twilioAuthToken : this.config.whatsapp.twilioAuthToken;
    return accountSid && authToken ? { accountSid, authToken } : undefined;
  }
}
