import type { InteractiveCall } from '../../src/modules/message/domain/outboundKinds';
import type { SessionMessage } from '../../src/whatsapp/outbound/provider/WhatsappProvider';

type Of<T extends InteractiveCall['type']> = Omit<Extract<InteractiveCall, { type: T }>, 'type'>;

/** Session messages of the interactive kinds, for provider tests. */
export const buttonsMessage = (m: Of<'button'>): SessionMessage => ({
  kind: 'interactive',
  interactive: { type: 'button', ...m },
});
export const listMessage = (m: Of<'list'>): SessionMessage => ({
  kind: 'interactive',
  interactive: { type: 'list', ...m },
});
export const ctaUrlMessage = (m: Of<'cta_url'>): SessionMessage => ({
  kind: 'interactive',
  interactive: { type: 'cta_url', ...m },
});
