import { ProviderError } from '../ProviderError';

/** A 2xx answer missing what it must carry: retryable, the provider may answer properly next time. */
export const badResponse = (what: string) =>
  new ProviderError('retryable', 'bad_response', `the provider answered without ${what}`);
