import type { ProviderFailureKind } from '../ProviderError';

/** The class of an HTTP failure whose body names no code we know. */
export function kindFromHttpStatus(status: number): ProviderFailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'throttled';
  if (status === 408 || status >= 500) return 'retryable';
  return 'permanent';
}
