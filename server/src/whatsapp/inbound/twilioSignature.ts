import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse as parseQuery, stringify as stringifyQuery } from 'node:querystring';

export type TwilioParams = Record<string, string | string[]>;

/**
 * Twilio's `X-Twilio-Signature` (same algorithm as twilio-node `getExpectedTwilioSignature`):
 * base64 HMAC-SHA1 of the URL followed by every key+value, keys in JS default sort order;
 * array values are de-duplicated and sorted, each appended as key+value.
 */
export function twilioSignature(authToken: string, url: string, params: TwilioParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (Array.isArray(value)) {
      for (const item of Array.from(new Set(value)).sort()) data += key + item;
    } else {
      data += key + value;
    }
  }
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf-8')).digest('base64');
}

/**
 * Accepts the URL variants twilio-node's `validateRequest` accepts: as received, with and without
 * the port, then WHATWG-normalised (with and without the port, with legacy query escaping).
 */
export function verifyTwilioSignature(
  authToken: string,
  header: string | undefined,
  url: string,
  params: TwilioParams,
): boolean {
  if (!authToken || typeof header !== 'string' || header === '') return false;
  const given = Buffer.from(header);
  return urlVariants(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(authToken, candidate, params));
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

function urlVariants(url: string): string[] {
  const variants = [withoutPort(url), withDefaultPort(url)];
  const normalised = normaliseUrl(url);
  if (normalised !== undefined) {
    for (const candidate of [withoutPort(normalised), withDefaultPort(normalised)]) {
      variants.push(candidate, withLegacyQuery(candidate));
    }
  }
  return Array.from(new Set(variants));
}

function normaliseUrl(url: string): string | undefined {
  // A URL that WHATWG cannot parse simply has no normalised variant.
  return URL.canParse(url) ? new URL(url).toString() : undefined;
}

interface UrlParts {
  scheme: string;
  userInfo: string;
  host: string;
  port: string;
  rest: string;
}

// Split by hand rather than with `new URL()`, which would re-encode the characters Twilio signed.
function splitUrl(url: string): UrlParts | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return undefined;
  const [prefix, scheme, authority] = match;
  const userInfoEnd = authority.lastIndexOf('@');
  const hostAndPort = authority.slice(userInfoEnd + 1);
  // In an IPv6 literal the port colon comes after the closing bracket.
  const portStart = hostAndPort.indexOf(':', hostAndPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, userInfoEnd + 1),
    host: portStart === -1 ? hostAndPort : hostAndPort.slice(0, portStart),
    port: portStart === -1 ? '' : hostAndPort.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

function withoutPort(url: string): string {
  const parts = splitUrl(url);
  return parts ? parts.scheme + parts.userInfo + parts.host + parts.rest : url;
}

function withDefaultPort(url: string): string {
  const parts = splitUrl(url);
  if (!parts || parts.port) return url;
  const port = parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  return parts.scheme + parts.userInfo + parts.host + port + parts.rest;
}

function withLegacyQuery(url: string): string {
  const queryStart = url.indexOf('?');
  if (queryStart === -1 || queryStart === url.length - 1) return url;
  return `${url.slice(0, queryStart)}?${stringifyQuery(parseQuery(url.slice(queryStart + 1)))}`;
}
