import type { OutboundPurpose } from './OutboundPurpose';

export const MESSAGE_PRIORITIES = ['high', 'normal', 'low'] as const;
/** SPEC §21: a tenant's claims take `high` before `normal` before `low`. */
export type MessagePriority = (typeof MESSAGE_PRIORITIES)[number];

const BY_PURPOSE: Record<OutboundPurpose, MessagePriority> = {
  reply: 'high',
  manual: 'high',
  notification: 'normal',
  broadcast: 'low',
};

/**
 * The class a message is queued in: replies to customers (automatic or a staff send) `high`,
 * notifications `normal`, broadcasts `low`. Staff alerts and login codes are notifications that
 * say `high` themselves (`staffAlert`).
 */
export const priorityOf = (purpose: OutboundPurpose, given?: MessagePriority): MessagePriority =>
  given ?? BY_PURPOSE[purpose];
