import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Lead = ItemOf<'/leads'>;
export const LEAD_STATUSES = ['new', 'contacted', 'quoted', 'converted', 'lost'] as const;

export function useLeads(status: string) {
  return usePagedQuery(['leads', { status }], (cursor) =>
    unwrap(
      api.GET('/leads', { params: { query: { status: (status || undefined) as never, cursor, limit: 50 } } }),
    ),
  );
}

/** Every change to a lead refreshes the lists it appears in (leads, and bookings after a conversion). */
function useLeadMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['leads'] }),
        client.invalidateQueries({ queryKey: ['bookings'] }),
        client.invalidateQueries({ queryKey: ['timeline', 'lead'] }),
      ]),
  });
}

export const useUpdateLead = (id: string) =>
  useLeadMutation((body: { status?: Lead['status'] }) =>
    unwrap(api.PATCH('/leads/{id}', { params: { path: { id } }, body })),
  );

export const useCreateQuote = (id: string) =>
  useLeadMutation((body: { amount: string; currency: string; description: string }) =>
    unwrap(api.POST('/leads/{id}/quotes', { params: { path: { id } }, body })),
  );

export const useConvertLead = (id: string) =>
  useLeadMutation((body: { tripCode: string; partySize: number; amount: string; currency: string }) =>
    unwrap(api.POST('/leads/{id}/convert', { params: { path: { id } }, body })),
  );
