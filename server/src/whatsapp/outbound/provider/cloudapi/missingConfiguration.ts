import { ProviderError } from '../ProviderError';

/** The number cannot send at all until it is configured: treated like refused credentials. */
export const missingConfiguration = (what: string): ProviderError =>
  new ProviderError('auth', 'missing_configuration', `the WhatsApp configuration has no ${what}`);
