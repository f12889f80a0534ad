import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';
import { literalAddress } from '../../shared/net/publicAddress';

/** How one request of a media download may be made. */
export interface MediaHop {
  /** Only globally routable addresses may be connected to (checked on the resolved address). */
  publicOnly: boolean;
}

/**
 * Where a media download may go: the provider API origins we are configured with (chosen by the
 * operator) and the provider's media hosts (`lookaside.fbsbx.com`, `*.fbcdn.net`, `host:port`).
 * Anything else, on the first request or on a redirect, is refused. A host matched by name must
 * also resolve to public addresses only; an address written out in the list (`127.0.0.1:4010`)
 * was chosen as it is and is used as it is.
 */
export class MediaHostPolicy {
  private readonly trusted: Set<string>;
  private readonly hosts: string[];

  constructor(trustedOrigins: string[], allowedHosts: readonly string[]) {
    this.trusted = new Set(trustedOrigins.map((u) => new URL(u).origin));
    this.hosts = allowedHosts.map((h) => h.trim().toLowerCase()).filter(Boolean);
  }

  check(url: URL): MediaHop {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw untrusted(url);
    if (this.trusted.has(url.origin)) return { publicOnly: false };
    const entry = this.hosts.find((pattern) => matches(pattern, url));
    if (entry === undefined) throw untrusted(url);
    return { publicOnly: literalAddress(hostOf(entry)) === undefined };
  }
}

const hostOf = (entry: string) => entry.replace(/:\d+$/, '');

/** `host` and `*.domain` match the scheme's default port only; `host:port` that port. */
function matches(pattern: string, url: URL): boolean {
  const port = /:(\d+)$/.exec(pattern)?.[1] ?? '';
  if (port !== url.port) return false;
  const host = hostOf(pattern);
  const hostname = url.hostname.toLowerCase();
  return host.startsWith('*.') ? hostname.endsWith(host.slice(1)) : hostname === host;
}

const untrusted = (url: URL) =>
  new MediaDownloadError(
    'UNTRUSTED_MEDIA_URL',
    `${url.protocol}//${url.host} is not one of the provider's media hosts`,
    false,
  );
