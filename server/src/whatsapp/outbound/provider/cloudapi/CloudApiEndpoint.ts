import type { ProviderName } from '../../../../shared/providers';
import type { SendingAccount } from '../WhatsappProvider';

/** Where one Cloud API host keeps an account's resources, and how it authenticates. */
export interface CloudApiEndpoint {
  readonly name: Extract<ProviderName, 'meta' | '360dialog'>;
  /**
   * The URL of the account's `messages` or `media` resource. Throws a ProviderError of kind
   * `auth` when the account lacks what the URL needs (e.g. Meta's phone number id).
   */
  url(account: SendingAccount, resource: 'messages' | 'media'): string;
  /** Throws a ProviderError of kind `auth` when the account has no credentials for this host. */
  authHeaders(account: SendingAccount): Record<string, string>;
}
