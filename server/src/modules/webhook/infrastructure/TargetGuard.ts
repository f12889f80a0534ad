import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

export class TargetRefused extends Error {}

/** Only the public internet: loopback, private, link-local, unique-local, CGNAT, multicast… are refused. */
const PUBLIC_RANGES = new Set(['unicast']);

/**
 * Where a webhook may be sent (SPEC §18): the URL's host is resolved and every address checked,
 * and the request then goes to the address checked (no second lookup an attacker's DNS could
 * answer differently). `allowPrivate` (WEBHOOK_ALLOW_PRIVATE_TARGETS) lifts the check.
 */
export async function resolveTarget(
  url: URL,
  allowPrivate: boolean,
): Promise<{ address: string; family: 4 | 6 }> {
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new TargetRefused('only http and https URLs');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: host.includes(':') ? 6 : 4 }]
    : await lookup(host, { all: true, verbatim: true }).catch(() => {
        throw new TargetRefused(`${host} does not resolve`);
      });
  if (!addresses.length) throw new TargetRefused(`${host} does not resolve`);
  if (!allowPrivate)
    for (const { address } of addresses) {
      const range = ipaddr.process(address).range();
      if (!PUBLIC_RANGES.has(range))
        throw new TargetRefused(`${host} resolves to a ${range} address (${address})`);
    }
  const [first] = addresses;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
