import crypto from 'node:crypto';
import type { ConnectionSnapshot } from '../../modules/connection/application/ConnectionSnapshot';
import type { WhatsappConfiguration } from '../../modules/connection/domain/WhatsappConfiguration';
import { verifyMetaSignature } from '../inbound/metaSignature';
import { verifyTwilioSignature, type TwilioParams } from '../inbound/twilioSignature';
import { constantTimeEquals } from './constantTimeEquals';

/**
 * Meta: the connections holding the app secret that signed the body, or undefined. One HMAC per
 * distinct secret at most (several tenants served by one provider's app share its secret).
 */
export function metaSigners(
  raw: Buffer,
  header: string | undefined,
  snapshot: ConnectionSnapshot,
): ReadonlySet<string> | undefined {
  // The console channel speaks Meta's format (wa-ops simulate).
  for (const group of snapshot.secretGroups('meta', 'console'))
    if (verifyMetaSignature(raw, header, group.secret)) return group.connectionIds;
  return undefined;
}

/**
 * 360dialog cannot relay Meta's signature (Meta signs for 360dialog's app). Accepted: its optional
 * `x-360dialog-signature` (hex HMAC-SHA256 of the body), or the secret header set when the webhook
 * URL was registered (`x-webhook-secret`), both keyed by the connection's webhook secret. Returns
 * the tenant's 360dialog connections that verify it, or undefined.
 */
export function dialog360Signers(
  raw: Buffer,
  headers: { signature?: string; secretHeader?: string },
  connections: WhatsappConfiguration[],
): ReadonlySet<string> | undefined {
  const signers = new Set(connections.filter((c) => verifies360dialog(raw, headers, c)).map((c) => c.id));
  return signers.size ? signers : undefined;
}

function verifies360dialog(
  raw: Buffer,
  headers: { signature?: string; secretHeader?: string },
  config: WhatsappConfiguration,
): boolean {
  const secret = config.credentials.webhookSecret;
  if (!secret) return false;
  if (headers.signature) {
    const expected = crypto.createHmac('sha256', secret).update(raw).digest('hex');
    return constantTimeEquals(headers.signature.replace(/^sha256=/, '').toLowerCase(), expected);
  }
  return headers.secretHeader !== undefined && constantTimeEquals(headers.secretHeader, secret);
}

/**
 * SPEC §15, credentials bound to their tenants: every event must be for a connection (`routed`,
 * one per event, undefined for a number no connection has) that holds the secret that verified
 * the delivery. An event for no known number passes only where the tenant is already fixed by the
 * request (360dialog's `?orgId=`), never on Meta's shared endpoint.
 */
export function boundToSigners(
  routed: Array<WhatsappConfiguration | undefined>,
  signers: ReadonlySet<string>,
  unroutedAllowed: boolean,
): boolean {
  return routed.every((connection) => (connection ? signers.has(connection.id) : unroutedAllowed));
}

/**
 * Twilio: only the auth token of the connection that owns the business number may sign, and the
 * callback's AccountSid (when given) must be that connection's. No other tenant's token is tried.
 */
export function twilioSigner(
  snapshot: ConnectionSnapshot,
  businessNumber: string | undefined,
  request: { url: string; params: TwilioParams; header: string | undefined },
): WhatsappConfiguration | undefined {
  const owner = snapshot.ofProvider('twilio').find((c) => c.phoneNumber === businessNumber);
  const { twilioAuthToken: token, twilioAccountSid: sid } = owner?.credentials ?? {};
  if (!owner || !token || !verifyTwilioSignature(token, request.header, request.url, request.params))
    return undefined;
  const claimed = request.params.AccountSid;
  return claimed !== undefined && sid && claimed !== sid ? undefined : owner;
}
