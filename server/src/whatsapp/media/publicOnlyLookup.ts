import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';
import { isPublicAddress } from '../../shared/net/publicAddress';

export const forbiddenAddress = (host: string) =>
  new MediaDownloadError(
    'FORBIDDEN_ADDRESS',
    `${host} resolves to a private, loopback or link-local address`,
    false,
  );

/**
 * A DNS lookup for the socket itself: the connection goes to the addresses checked here, so a
 * name cannot pass the check and then be re-resolved to an internal address (DNS rebinding).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    if (!addresses.length || addresses.some((a) => !isPublicAddress(a.address)))
      return callback(forbiddenAddress(hostname), '', 0);
    if (options.all) return (callback as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};
