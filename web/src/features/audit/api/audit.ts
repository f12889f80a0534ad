import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type AuditEntry = ItemOf<'/audit-logs'>;

export const useAuditLog = (action: string) =>
  usePagedQuery(['audit', { action }], (cursor) =>
    unwrap(
      api.GET('/audit-logs', { params: { query: { action: action || undefined, cursor, limit: 100 } } }),
    ),
  );
