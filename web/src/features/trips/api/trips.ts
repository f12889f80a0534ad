import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Trip = ItemOf<'/trips'>;
export type TimelineEntry = ItemOf<'/timeline'>;

export const useTrips = () =>
  usePagedQuery(['trips'], (cursor) =>
    unwrap(api.GET('/trips', { params: { query: { cursor, limit: 50 } } })),
  );

export const useTrip = (code: string) =>
  useQuery({
    queryKey: ['trips', 'one', code],
    queryFn: () => unwrap(api.GET('/trips/{code}', { params: { path: { code } } })),
  });

export const useTimeline = (entityType: TimelineEntry['entityType'], entityId: string | undefined) =>
  usePagedQuery(['timeline', entityType, entityId], (cursor) =>
    unwrap(
      api.GET('/timeline', { params: { query: { entityType, entityId: entityId!, cursor, limit: 50 } } }),
    ),
  );

export function useCreateTrip() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { code: string; name: string; departureDate: string }) =>
      unwrap(api.POST('/trips', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['trips'] }),
  });
}

export function useAssignment(code: string) {
  const client = useQueryClient();
  const onSuccess = () => client.invalidateQueries({ queryKey: ['trips', 'one', code] });
  return {
    assign: useMutation({
      mutationFn: (userId: string) =>
        unwrap(api.POST('/trips/{code}/assignments', { params: { path: { code } }, body: { userId } })),
      onSuccess,
    }),
    unassign: useMutation({
      mutationFn: (userId: string) =>
        unwrap(api.DELETE('/trips/{code}/assignments/{userId}', { params: { path: { code, userId } } })),
      onSuccess,
    }),
  };
}
