import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type StaffUser = ItemOf<'/users'>;
export type ConsoleSession = ItemOf<'/auth/sessions'>;
export const ROLES = ['sales', 'operations', 'field_staff', 'manager'] as const;

export const usePanicMode = () =>
  useQuery({ queryKey: ['panic-mode'], queryFn: () => unwrap(api.GET('/panic-mode')) });

export function useResumePanicMode() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/panic-mode/resume')),
    onSuccess: (state) => client.setQueryData(['panic-mode'], state),
  });
}

export const useUsers = () =>
  usePagedQuery(['users', 'paged'], (cursor) =>
    unwrap(api.GET('/users', { params: { query: { cursor, limit: 100 } } })),
  );

function useUsersMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }) });
}

export const useCreateUser = () =>
  useUsersMutation((body: { name: string; phone: string; role: StaffUser['role'] }) =>
    unwrap(api.POST('/users', { body })),
  );

export const useSetActive = () =>
  useUsersMutation(({ id, active }: { id: string; active: boolean }) =>
    unwrap(api.PATCH('/users/{id}', { params: { path: { id } }, body: { active } })),
  );

export const useIssueKey = () =>
  useUsersMutation((id: string) =>
    unwrap(api.POST('/users/{id}/api-keys', { params: { path: { id } }, body: {} })),
  );

export const useSessions = () =>
  usePagedQuery(['sessions'], (cursor) =>
    unwrap(api.GET('/auth/sessions', { params: { query: { cursor, limit: 100 } } })),
  );

export function useRevokeSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/auth/sessions/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['sessions'] }),
  });
}
