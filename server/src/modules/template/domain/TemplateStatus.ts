export const TEMPLATE_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];

/**
 * Meta's template events are richer than our five statuses. Events that do not change whether a
 * template can be sent (FLAGGED: quality warning) map to undefined: the status stays.
 */
const BY_EVENT: Record<string, TemplateStatus | undefined> = {
  APPROVED: 'APPROVED',
  REINSTATED: 'APPROVED',
  PENDING: 'PENDING',
  IN_APPEAL: 'PENDING',
  REJECTED: 'REJECTED',
  PAUSED: 'PAUSED',
  LIMIT_EXCEEDED: 'PAUSED',
  LOCKED: 'PAUSED',
  DISABLED: 'DISABLED',
  ARCHIVED: 'DISABLED',
  DELETED: 'DISABLED',
  PENDING_DELETION: 'DISABLED',
};

export const templateStatusFromEvent = (event: string): TemplateStatus | undefined =>
  BY_EVENT[event.toUpperCase()];
