import http from 'node:http';
import https from 'node:https';
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
  headers: { get(name: string): string | null };
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  body: unknown;
}

/**
 * Connections to the providers stay open between calls (an idle one closes after 5 s, or a second
 * before the provider's own Keep-Alive hint). node:http rather than fetch: on Node 20 fetch costs
 * about three times the CPU per call (web streams, abort signals), which caps the send rate.
 */
const agentOptions = { keepAlive: true, scheduling: 'lifo', timeout: 5_000 } as const;
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

/**
 * One HTTP call to a provider with a deadline: the caller's signal, if any, and `timeoutMs`,
 * whichever fires first. Redirects are not followed (they would carry the credentials along).
 * Transport failures become retryable ProviderErrors; the caller classifies the HTTP answer.
 */
export async function providerRequest(
  request: ProviderRequest,
  options: { signal?: AbortSignal; timeoutMs: number },
): Promise<ProviderResponse> {
  const deadline = new AbortController();
  const timer = setTimeout(
    () => deadline.abort(new DOMException('The provider call timed out', 'TimeoutError')),
    options.timeoutMs,
  );
  const cancel = () => deadline.abort(options.signal?.reason);
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener('abort', cancel, { once: true });
  try {
    const { bytes, headers } = await encode(request);
    return await send(request, bytes, headers, deadline.signal);
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    throw transportFailure(error, deadline.signal, options.timeoutMs);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', cancel);
  }
}

/** The body as bytes with the headers it implies (a multipart boundary, a form's content type). */
async function encode(
  request: ProviderRequest,
): Promise<{ bytes?: Buffer; headers: Record<string, string> }> {
  const { body } = request;
  if (body === undefined) return { headers: request.headers };
  if (typeof body === 'string') return { bytes: Buffer.from(body), headers: request.headers };
  // FormData and URLSearchParams are encoded the way fetch would send them.
  const encoded = new Response(body);
  const headers = { ...request.headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
    headers['content-type'] = encoded.headers.get('content-type') ?? 'application/octet-stream';
  return { bytes: Buffer.from(await encoded.arrayBuffer()), headers };
}

function send(
  request: ProviderRequest,
  bytes: Buffer | undefined,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<ProviderResponse> {
  const url = new URL(request.url);
  const agent = agents[url.protocol as keyof typeof agents];
  if (!agent) throw new ProviderError('permanent', 'bad_url', `unsupported provider URL ${url.protocol}`);
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: request.method,
        headers: bytes ? { ...headers, 'content-length': String(bytes.length) } : headers,
        agent,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let total = 0;
        const answer = (text: string | undefined) =>
          resolve({
            status: res.statusCode ?? 0,
            headers: { get: (name) => headerValue(res.headers[name.toLowerCase()]) },
            body: parseJson(text),
          });
        res.on('data', (chunk: Buffer) => {
          total += chunk.length;
          if (total <= MAX_BODY_BYTES) return void chunks.push(chunk);
          // Left unread: the connection is dropped rather than drained.
          answer(undefined);
          res.destroy();
        });
        res.on('end', () => answer(Buffer.concat(chunks, total).toString('utf8')));
        // Settles only if nothing did before (an answer cut off mid-body, an abort).
        res.on('error', reject);
        res.on('close', () => reject(new Error('the provider closed the connection mid-answer')));
      },
    );
    req.on('error', reject);
    req.end(bytes);
  });
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
