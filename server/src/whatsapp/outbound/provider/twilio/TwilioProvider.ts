import { missingConfiguration } from '../cloudapi/missingConfiguration';
import { DEFAULT_PROVIDER_TIMEOUT_MS, providerRequest } from '../http/providerRequest';
import { retryAfterMs } from '../http/retryAfter';
import { ProviderError } from '../ProviderError';
import type {
  CarryRefusal,
  SendingAccount,
  SessionMessage,
  SendMessageRequest,
  SendResult,
  SendTemplateRequest,
  WhatsappProvider,
} from '../WhatsappProvider';
import { classifyTwilioError } from './classifyTwilioError';
import { twilioMessageForm, twilioRefusal, twilioTemplateForm, unsupported } from './twilioForm';

export interface TwilioOptions {
  apiBaseUrl: string;
  /** Where Twilio posts delivery statuses (our Twilio webhook); omitted when undefined. */
  statusCallbackUrl?: string;
  timeoutMs?: number;
}

/**
 * Twilio's Messages API (`POST /2010-04-01/Accounts/{sid}/Messages.json`, form-encoded, basic
 * auth). Uploads are unsupported (Twilio fetches `MediaUrl` links itself). Marking as read is a
 * no-op: Twilio sends read receipts for WhatsApp on its own and has no API for them.
 */
export class TwilioProvider implements WhatsappProvider {
  readonly name = 'twilio';

  constructor(private readonly options: TwilioOptions) {}

  async sendMessage(account: SendingAccount, request: SendMessageRequest, signal?: AbortSignal) {
    return this.send(
      account,
      twilioMessageForm(sender(account), request, this.options.statusCallbackUrl),
      signal,
    );
  }

  async sendTemplate(account: SendingAccount, request: SendTemplateRequest, signal?: AbortSignal) {
    return this.send(
      account,
      twilioTemplateForm(sender(account), request, this.options.statusCallbackUrl),
      signal,
    );
  }

  async uploadMedia(): Promise<{ mediaId: string }> {
    throw unsupported('uploaded media (send a link)');
  }

  async markAsRead(): Promise<void> {}

  cannotCarry(message: SessionMessage): CarryRefusal | undefined {
    return twilioRefusal(message);
  }

  private async send(
    account: SendingAccount,
    form: URLSearchParams,
    signal?: AbortSignal,
  ): Promise<SendResult> {
    const { twilioAccountSid: sid, twilioAuthToken: token } = account.credentials;
    if (!sid || !token) throw missingConfiguration('Twilio account SID and auth token');
    const response = await providerRequest(
      {
        method: 'POST',
        url: `${this.options.apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`,
        headers: {
          authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: form,
      },
      { signal, timeoutMs: this.options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS },
    );
    if (response.status < 200 || response.status >= 300)
      throw classifyTwilioError(
        response.status,
        response.body,
        retryAfterMs(response.headers.get('retry-after')),
      );
    const id = (response.body as { sid?: unknown } | undefined)?.sid;
    if (typeof id !== 'string' || !id)
      throw new ProviderError('retryable', 'bad_response', 'the provider answered without a message sid');
    return { providerMessageId: id };
  }
}

function sender(account: SendingAccount): string {
  if (!account.phoneNumber) throw missingConfiguration('business phone number');
  return account.phoneNumber;
}
