import { ProviderError } from '../ProviderError';
import { transportFailure } from './transportFailure';

/** How long a provider call may take when the caller sets no tighter limit. */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 15_000;
/** Provider answers are small JSON documents; anything longer is not read past this. */
const MAX_BODY_BYTES = 256 * 1024;

export interface ProviderRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string | FormData | URLSearchParams;
}

export interface ProviderResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: unknown;
}

/**
 * One HTTP call to a provider with a deadline: the caller's signal, if any, and `timeoutMs`,
 * whichever fires first. Redirects are not followed (they would carry the credentials along).
 * Transport failures become retryable ProviderErrors; the caller classifies the HTTP answer.
 */
export async function providerRequest(
  request: ProviderRequest,
  options: { signal?: AbortSignal; timeoutMs: number },
): Promise<ProviderResponse> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal,
      redirect: 'manual',
    });
    const text = await readCapped(response);
    return { status: response.status, headers: response.headers, body: parseJson(text) };
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw transportFailure(error, signal, options.timeoutMs);
  }
}

/** The body as text, or undefined when it is longer than MAX_BODY_BYTES (then left unread). */
async function readCapped(response: Response): Promise<string | undefined> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total).toString('utf8');
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
