import { isLocalName, isPublicAddress, literalAddress } from './publicAddress';

/**
 * Why a link we pass on for a provider to fetch is refused, or undefined when it may go. A link
 * naming this machine or a private, loopback or link-local address can only be a mistake or a
 * probe; names are not resolved here (the provider fetches from its own network, not ours).
 */
export function publicLinkProblem(link: string): string | undefined {
  if (!URL.canParse(link)) return 'must be a URL';
  const url = new URL(link);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http(s) URL';
  const address = literalAddress(url.hostname);
  if (isLocalName(url.hostname) || (address !== undefined && !isPublicAddress(address)))
    return 'must point at a public host, not a private, loopback or link-local address';
  return undefined;
}
