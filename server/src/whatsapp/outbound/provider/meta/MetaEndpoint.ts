import type { CloudApiEndpoint } from '../cloudapi/CloudApiEndpoint';
import { missingConfiguration } from '../cloudapi/missingConfiguration';
import type { SendingAccount } from '../WhatsappProvider';

/** Meta's Graph API: `{base}/{version}/{phone_number_id}/…` with the account's bearer token. */
export class MetaEndpoint implements CloudApiEndpoint {
  readonly name = 'meta';

  constructor(private readonly graphBaseUrl: string) {}

  /** `{base}/{version}`, e.g. `https://graph.facebook.com/v21.0`. */
  static of(apiBaseUrl: string, apiVersion: string): MetaEndpoint {
    return new MetaEndpoint(`${apiBaseUrl}/${apiVersion}`);
  }

  url(account: SendingAccount, resource: 'messages' | 'media'): string {
    if (!account.phoneNumberId) throw missingConfiguration('phone number id');
    return `${this.graphBaseUrl}/${encodeURIComponent(account.phoneNumberId)}/${resource}`;
  }

  authHeaders(account: SendingAccount): Record<string, string> {
    if (!account.credentials.accessToken) throw missingConfiguration('access token');
    return { authorization: `Bearer ${account.credentials.accessToken}` };
  }
}
