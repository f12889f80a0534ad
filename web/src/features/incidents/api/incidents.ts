import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf, type ResponseOf } from '../../../lib/api/client';
import { everyOf } from '../../../lib/api/everyOf';
import { pageInTurn } from '../../../lib/pageInTurn';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Incident = ItemOf<'/incidents'>;
export type IncidentStatus = Incident['status'];
/** One step of an incident's history: a progress note, its acknowledgement, its resolution. */
export type IncidentUpdate = ResponseOf<'/incidents/{id}', 'get'>['updates'][number];

/** SPEC §22: `open → acknowledged → resolved`. */
export const INCIDENT_STATUSES = everyOf<IncidentStatus>()(['open', 'acknowledged', 'resolved']);

/** The page's filter: one status, every incident (''), or the ones still being dealt with. */
export type IncidentFilter = IncidentStatus | '' | 'unresolved';

/** Still being dealt with, open ones first: they wait for someone to acknowledge them. */
const UNRESOLVED: readonly IncidentStatus[] = ['open', 'acknowledged'];
const PAGE_SIZE = 50;

export const useIncidents = (filters: { status: IncidentFilter; tripCode: string }) =>
  usePagedQuery(['incidents', filters], (cursor) => {
    const page = (status: IncidentStatus | undefined, limit: number, after?: string) =>
      unwrap(
        api.GET('/incidents', {
          params: { query: { status, tripCode: filters.tripCode || undefined, cursor: after, limit } },
        }),
      );
    // The API filters by one status at a time: the unresolved are its open, then its acknowledged.
    return filters.status === 'unresolved'
      ? pageInTurn(UNRESOLVED, page, PAGE_SIZE, cursor)
      : page(filters.status || undefined, PAGE_SIZE, cursor);
  });

/** One incident with its updates, newest first as the API answers them. */
export const useIncident = (id: string) =>
  useQuery({
    queryKey: ['incidents', 'one', id],
    queryFn: () => unwrap(api.GET('/incidents/{id}', { params: { path: { id } } })),
  });

/**
 * What `PATCH /incidents/{id}` takes (the OpenAPI document types its body loosely): `status`, a
 * `note` (alone, a progress update), and a `message` for the trip's customers with `notifyCustomers`.
 */
export interface IncidentChange {
  status?: 'acknowledged' | 'resolved';
  note?: string;
  notifyCustomers?: boolean;
  message?: string;
}

/** Acknowledges an incident, adds a progress note to it, or resolves it. */
export function useChangeIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: IncidentChange & { id: string }) =>
      unwrap(api.PATCH('/incidents/{id}', { params: { path: { id } }, body })),
    onSuccess: () =>
      Promise.all(
        [['incidents'], ['trips'], ['timeline']].map((queryKey) => client.invalidateQueries({ queryKey })),
      ),
  });
}
