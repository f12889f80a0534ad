import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf, type ResponseOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Broadcast = ResponseOf<'/broadcasts/{id}', 'get'>;
export type BroadcastSummary = ItemOf<'/broadcasts'>;
export type Member = { phone: string; name?: string };

export const useBroadcastLists = () =>
  usePagedQuery(['broadcast-lists'], (cursor) =>
    unwrap(api.GET('/broadcast-lists', { params: { query: { cursor, limit: 100 } } })),
  );

/** Broadcasts sent, newest first; their counts follow `broadcast.progress` events. */
export const useSentBroadcasts = () =>
  usePagedQuery(['broadcasts', 'sent'], (cursor) =>
    unwrap(api.GET('/broadcasts', { params: { query: { cursor, limit: 20 } } })),
  );

export const useApprovedTemplates = () =>
  useQuery({
    queryKey: ['templates', { status: 'APPROVED' }, 'picker'],
    queryFn: () => unwrap(api.GET('/templates', { params: { query: { status: 'APPROVED', limit: 200 } } })),
  });

/** Progress per recipient; polled every few seconds while anything is still on its way. */
export const useBroadcast = (id: string) =>
  useQuery({
    queryKey: ['broadcasts', id],
    queryFn: () => unwrap(api.GET('/broadcasts/{id}', { params: { path: { id }, query: { limit: 200 } } })),
    refetchInterval: (query) => (query.state.data && query.state.data.counts.queued === 0 ? false : 3000),
  });

export function useCreateList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; members: Member[] }) => unwrap(api.POST('/broadcast-lists', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['broadcast-lists'] }),
  });
}

export function useAddMembers(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (members: Member[]) =>
      unwrap(api.POST('/broadcast-lists/{id}/members', { params: { path: { id } }, body: { members } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['broadcast-lists'] }),
  });
}

export function useSendBroadcast() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      template: { name: string; language: string; params: string[] };
      listId?: string;
      tripCode?: string;
    }) => unwrap(api.POST('/broadcasts', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['broadcasts', 'sent'] }),
  });
}

/** `+5491155550101, Ana` per line → members. */
export const parseMembers = (text: string): Member[] =>
  text
    .split('\n')
    .map((line) => line.split(',').map((part) => part.trim()))
    .filter(([phone]) => phone)
    .map(([phone, name]) => (name ? { phone, name } : { phone }));
