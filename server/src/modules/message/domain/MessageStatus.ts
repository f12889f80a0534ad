export const MESSAGE_STATUSES = [
  'received',
  'queued',
  'sending',
  /** Its provider call's outcome was lost (a crash): waiting for a status naming it, then sent again. */
  'unconfirmed',
  'sent',
  'delivered',
  'read',
  'failed',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** What a provider reports; `played` (first play of a voice note) is read-level, history only. */
export type ReportedStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export interface StatusHistoryEntry {
  status: ReportedStatus;
  /** When the provider says it happened. */
  at: string;
  /** Whether it moved the message's status (a late `delivered` after `read` does not). */
  applied: boolean;
  errorCode?: string;
  errorTitle?: string;
  /** The send's outcome was lost (a crash) and this entry was recovered from a status naming it. */
  reconciled?: boolean;
}

const RANK: Record<MessageStatus, number> = {
  received: 0,
  queued: 1,
  sending: 2,
  unconfirmed: 2,
  sent: 3,
  delivered: 4,
  read: 5,
  failed: 6,
};

/**
 * Statuses move forward only: queued → sent → delivered → read. `failed` ends a message that
 * was not yet delivered; once delivered or read, a failure report changes nothing but history.
 * Providers deliver statuses out of order, so the rank decides, never the arrival order.
 */
export function nextStatus(current: MessageStatus, reported: ReportedStatus): MessageStatus {
  if (reported === 'played') return current;
  if (current === 'failed' || current === 'received') return current;
  if (reported === 'failed') return RANK[current] < RANK.delivered ? 'failed' : current;
  return RANK[reported] > RANK[current] ? reported : current;
}

/** A redelivered status report (same status at the same time) is recorded once. */
export function alreadyRecorded(history: StatusHistoryEntry[], status: ReportedStatus, at: string): boolean {
  return history.some((h) => h.status === status && h.at === at);
}
