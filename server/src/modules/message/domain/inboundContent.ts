import type { InboundMessageEvent } from '../../../shared/channel/InboundEvent';

/** What is kept of an inbound message in `whatsapp_messages.content`: the normalised parts, plus the provider's object. */
export function inboundContent(event: InboundMessageEvent): Record<string, unknown> {
  const {
    kind: _kind,
    route: _route,
    providerMessageId: _id,
    timestamp: _ts,
    type: _type,
    raw,
    ...parts
  } = event;
  return { ...parts, provider: raw };
}
