import type { OutboundContent } from './OutboundRequest';

/**
 * Port: the delivery rules asked up front for a staff send, so the API can refuse at once
 * (opted out, window closed, template not approved, wrong template values) instead of queueing a
 * message bound to fail. Throws the AppError the send would fail with; the channel implements it.
 */
export interface Sendability {
  assertSendable(tenantId: string, to: string, content: OutboundContent): Promise<void>;
}
