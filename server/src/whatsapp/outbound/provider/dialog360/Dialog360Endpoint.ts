import type { CloudApiEndpoint } from '../cloudapi/CloudApiEndpoint';
import { missingConfiguration } from '../cloudapi/missingConfiguration';
import type { SendingAccount } from '../WhatsappProvider';

/**
 * 360dialog's Cloud API relay: `{base}/messages` and `{base}/media` with `D360-API-KEY`. The key
 * names the number, so the phone number id stays out of the path (360dialog warns it breaks).
 */
export class Dialog360Endpoint implements CloudApiEndpoint {
  readonly name = '360dialog';

  constructor(private readonly baseUrl: string) {}

  url(_account: SendingAccount, resource: 'messages' | 'media'): string {
    return `${this.baseUrl}/${resource}`;
  }

  authHeaders(account: SendingAccount): Record<string, string> {
    if (!account.credentials.dialog360ApiKey) throw missingConfiguration('360dialog API key');
    return { 'D360-API-KEY': account.credentials.dialog360ApiKey };
  }
}
