import { missingConfiguration } from '../cloudapi/missingConfiguration';
import type {
  CarryRefusal,
  SendingAccount,
  SessionMessage,
  SendMessageRequest,
  SendResult,
  SendTemplateRequest,
  WhatsappProvider,
} from '../WhatsappProvider';
import { postTwilioMessage } from './postTwilioMessage';
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
    const { twilioAccountSid: accountSid, twilioAuthToken: authToken } = account.credentials;
    if (!accountSid || !authToken) throw missingConfiguration('Twilio account SID and auth token');
    return postTwilioMessage(this.options.apiBaseUrl, { accountSid, authToken }, form, {
      signal,
      timeoutMs: this.options.timeoutMs,
    });
  }
}

function sender(account: SendingAccount): string {
  if (!account.phoneNumber) throw missingConfiguration('business phone number');
  return account.phoneNumber;
}
