import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type QuickReply = ItemOf<'/quick-replies'>;
export type QuickReplyInput = BodyOf<'/quick-replies', 'post'>;

const KEY = ['quick-replies'];

export const useQuickReplies = () =>
  usePagedQuery([...KEY, 'paged'], (cursor) =>
    unwrap(api.GET('/quick-replies', { params: { query: { cursor, limit: 50 } } })),
  );

/** The few whose shortcut starts with (or whose text holds) what follows the `/` typed. */
export const useQuickReplyMatches = (q: string | undefined) =>
  useQuery({
    queryKey: [...KEY, 'matching', q],
    queryFn: () =>
      unwrap(api.GET('/quick-replies', { params: { query: { q, limit: 8 } } })).then((page) => page.data),
    enabled: q !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

function useQuickRepliesMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

export const useSaveQuickReply = () =>
  useQuickRepliesMutation((input: { id?: string; body: QuickReplyInput }) =>
    input.id
      ? unwrap(api.PATCH('/quick-replies/{id}', { params: { path: { id: input.id } }, body: input.body }))
      : unwrap(api.POST('/quick-replies', { body: input.body })),
  );

export const useDeleteQuickReply = () =>
  useQuickRepliesMutation((id: string) =>
    unwrap(api.DELETE('/quick-replies/{id}', { params: { path: { id } } })),
  );
