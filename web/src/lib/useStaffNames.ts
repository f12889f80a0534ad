import { useQuery } from '@tanstack/react-query';
import { useSession } from '../app/session/useSession';
import { api, unwrap } from './api/client';
import { useI18n } from './i18n/I18nProvider';

/** Staff names by user id: managers read the users list; anyone else knows only themselves. */
export function useStaffNames() {
  const { t } = useI18n();
  const session = useSession().data;
  const isManager = session?.user.role === 'manager';
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/users', { params: { query: { limit: 200 } } })),
    enabled: isManager,
    staleTime: 60_000,
  });
  const names = new Map((users.data?.data ?? []).map((u) => [u.id, u.name]));
  return (id: string | null | undefined): string => {
    if (!id) return t('common.unassigned');
    if (id === session?.user.id) return t('common.me');
    return names.get(id) ?? `${id.slice(0, 8)}…`;
  };
}

/** The tenant's active staff, for pickers; undefined for callers who may not list users (non-managers). */
export function useStaffList() {
  const session = useSession().data;
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/users', { params: { query: { limit: 200 } } })),
    enabled: session?.user.role === 'manager',
    staleTime: 60_000,
  });
  return users.data?.data.filter((u) => u.active);
}
