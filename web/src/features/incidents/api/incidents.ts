import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Incident = ItemOf<'/incidents'>;

export const useIncidents = (filters: { status: string; tripCode: string }) =>
  usePagedQuery(['incidents', filters], (cursor) =>
    unwrap(
      api.GET('/incidents', {
        params: {
          query: {
            status: (filters.status || undefined) as never,
            tripCode: filters.tripCode || undefined,
            cursor,
            limit: 50,
          },
        },
      }),
    ),
  );

export function useResolveIncident(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { note?: string; notifyCustomers: boolean; message?: string }) =>
      unwrap(
        api.PATCH('/incidents/{id}', { params: { path: { id } }, body: { status: 'resolved', ...body } }),
      ),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['incidents'] }),
        client.invalidateQueries({ queryKey: ['trips'] }),
      ]),
  });
}
