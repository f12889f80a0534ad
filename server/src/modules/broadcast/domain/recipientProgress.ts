import type { RecipientGroup, RecipientRow } from './Broadcast';

export const PROGRESS_STATUSES = ['queued', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

export interface RecipientProgress {
  phone: string;
  status: ProgressStatus;
  /** Why a recipient was skipped: `opted_out`, `no_opt_in`, `marketing_opted_out`. */
  reason?: string;
  messageId?: string;
  errorCode?: string;
  errorTitle?: string;
}

const SKIP_REASONS: Record<string, string> = {
  skipped_opted_out: 'opted_out',
  skipped_no_opt_in: 'no_opt_in',
  skipped_marketing: 'marketing_opted_out',
};

/**
 * A recipient's progress is its message's status (SPEC §10): never copied, so it follows the
 * dispatcher and the provider's status webhooks by itself. `sending` still counts as queued.
 */
export function recipientProgress(r: RecipientRow): RecipientProgress {
  const skipped = SKIP_REASONS[r.status];
  if (skipped) return { phone: r.phone, status: 'skipped', reason: skipped };
  const status = progressStatus(r);
  return {
    phone: r.phone,
    status,
    messageId: r.messageId,
    ...(status === 'failed' ? { errorCode: r.errorCode, errorTitle: r.errorTitle } : {}),
  };
}

function progressStatus(r: Pick<RecipientRow, 'status' | 'messageStatus'>): ProgressStatus {
  if (SKIP_REASONS[r.status]) return 'skipped';
  const m = r.messageStatus;
  return m === 'sent' || m === 'delivered' || m === 'read' || m === 'failed' ? m : 'queued';
}

export type ProgressCounts = Record<ProgressStatus | 'total', number>;

/** Counts by progress status over every recipient (grouped by the database), whatever page is shown. */
export function countProgress(groups: RecipientGroup[]): ProgressCounts {
  const counts = Object.fromEntries([...PROGRESS_STATUSES, 'total'].map((s) => [s, 0])) as ProgressCounts;
  for (const g of groups) {
    counts[progressStatus(g)] += g.count;
    counts.total += g.count;
  }
  return counts;
}
