import ipaddr from 'ipaddr.js';

/**
 * True only for a globally routable unicast address. Loopback, private (RFC 1918, unique-local),
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, documentation and
 * reserved ranges, and IPv6 forms that embed an IPv4 address (mapped, 6to4, Teredo, NAT64) are all
 * refused: a request we make on someone else's say-so must not reach our own network.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The IP address a URL's hostname spells out (`127.0.0.1`, `[::1]`), or undefined for a name. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) && (bare.includes(':') || ipaddr.IPv4.isValidFourPartDecimal(bare))
    ? bare
    : undefined;
}

/** Names that always mean this machine, whatever DNS says. */
export const isLocalName = (hostname: string): boolean =>
  /^(localhost|localhost\.localdomain)\.?$/i.test(hostname) || /\.localhost\.?$/i.test(hostname);
