import { ProviderError } from '../ProviderError';

/**
 * A call that got no HTTP answer. All of these are retryable, but note that a timed-out send may
 * still have been accepted by the provider: the Cloud API and Twilio have no idempotency key.
 */
export function transportFailure(error: unknown, signal: AbortSignal, timeoutMs: number): ProviderError {
  if (signal.aborted) {
    const reason = signal.reason as { name?: string } | undefined;
    return reason?.name === 'TimeoutError'
      ? new ProviderError('retryable', 'timeout', `no answer from the provider within ${timeoutMs} ms`)
      : new ProviderError('retryable', 'aborted', 'the request was cancelled before the provider answered');
  }
  // node:http puts the system code on the error itself, fetch on its cause.
  const failure = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = failure?.code ?? failure?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  const named = typeof code === 'string' && !message.includes(code);
  return new ProviderError('retryable', 'network', named ? `${message} (${code})` : message);
}
