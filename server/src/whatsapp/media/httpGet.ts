import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { isLocalName, isPublicAddress, literalAddress } from '../../shared/net/publicAddress';
import type { MediaHop } from './MediaHostPolicy';
import { forbiddenAddress, publicOnlyLookup } from './publicOnlyLookup';

const NO_BODY = new Set([204, 304]);

/**
 * One GET, no redirects followed, answered as a fetch Response. On a `publicOnly` hop the address
 * is checked after name resolution, on the socket's own lookup, and on a fresh connection.
 */
export function httpGet(
  url: URL,
  headers: Record<string, string>,
  hop: MediaHop,
  signal: AbortSignal,
): Promise<Response> {
  if (hop.publicOnly) {
    const literal = literalAddress(url.hostname);
    if (isLocalName(url.hostname) || (literal !== undefined && !isPublicAddress(literal)))
      return Promise.reject(forbiddenAddress(url.hostname));
  }
  const client = url.protocol === 'https:' ? https : http;
  const options = hop.publicOnly
    ? { headers, signal, lookup: publicOnlyLookup, agent: false }
    : { headers, signal };
  return new Promise((resolve, reject) => {
    const request = client.get(url, options, (incoming) => {
      const status = incoming.statusCode ?? 502;
      const responseHeaders = new Headers();
      for (let i = 0; i < incoming.rawHeaders.length; i += 2)
        responseHeaders.append(incoming.rawHeaders[i], incoming.rawHeaders[i + 1]);
      const body = NO_BODY.has(status) ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>);
      if (!body) incoming.resume();
      resolve(new Response(body, { status, statusText: incoming.statusMessage, headers: responseHeaders }));
    });
    request.on('error', reject);
  });
}
