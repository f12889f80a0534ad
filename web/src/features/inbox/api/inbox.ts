import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, ApiError, csrfHeaders, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Conversation = ItemOf<'/conversations'>;
export type Message = ItemOf<'/conversations/{id}/messages'>;
export interface InboxFilters {
  q: string;
  status: string;
  unread: boolean;
  /** A user id, `none` (nobody's), or empty: anyone's. */
  assignedTo: string;
}

/** Conversations, most recent first, 50 at a time: the list stays quick with any number of them. */
export const useConversations = (filters: InboxFilters) =>
  usePagedQuery(['conversations', filters], (cursor) =>
    unwrap(
      api.GET('/conversations', {
        params: {
          query: {
            q: filters.q.trim() || undefined,
            status: (filters.status || undefined) as never,
            unread: filters.unread || undefined,
            assignedTo: filters.assignedTo || undefined,
            cursor,
            limit: 50,
          },
        },
      }),
    ),
  );

export const useConversation = (id: string) =>
  useQuery({
    queryKey: ['conversations', 'one', id],
    queryFn: () => unwrap(api.GET('/conversations/{id}', { params: { path: { id } } })),
  });

/** A thread; refreshed every few seconds while a customer's file is still being downloaded. */
export const useThread = (id: string) =>
  usePagedQuery(
    ['messages', id],
    (cursor) =>
      unwrap(
        api.GET('/conversations/{id}/messages', { params: { path: { id }, query: { cursor, limit: 50 } } }),
      ),
    { ms: 3000, until: (rows) => !rows.some((m) => m.file?.status === 'pending') },
  );

export const useConversationNotes = (id: string) =>
  usePagedQuery(['timeline', 'conversation', id, 'notes'], (cursor) =>
    unwrap(
      api.GET('/timeline', {
        params: { query: { entityType: 'conversation', entityId: id, cursor, limit: 50 } },
      }),
    ).then((page) => ({ ...page, data: page.data.filter((entry) => entry.eventType === 'NOTE') })),
  );

function useInboxMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['conversations'] }),
        client.invalidateQueries({ queryKey: ['messages'] }),
        client.invalidateQueries({ queryKey: ['timeline'] }),
      ]),
  });
}

export type Outgoing =
  | { text: string }
  | { template: { name: string; language: string; params: string[] } }
  | {
      media: {
        id: string;
        type: 'image' | 'document' | 'audio' | 'video';
        caption?: string;
        filename?: string;
      };
    };

export const useSendMessage = (id: string) =>
  useInboxMutation((body: Outgoing) =>
    unwrap(api.POST('/conversations/{id}/messages', { params: { path: { id } }, body })),
  );

export const useUpdateConversation = (id: string) =>
  useInboxMutation(
    (body: { status?: 'open' | 'closed' | 'archived' | 'spam'; assignedTo?: string | null; read?: true }) =>
      unwrap(api.PATCH('/conversations/{id}', { params: { path: { id } }, body: body as never })),
  );

export const useAddNote = (id: string) =>
  useInboxMutation((text: string) =>
    unwrap(api.POST('/timeline/notes', { body: { entityType: 'conversation', entityId: id, text } })),
  );

/** Shows the customer that someone is typing (at most every 20 seconds while they type). */
export function useTyping(id: string) {
  const send = useMutation({
    mutationFn: () => unwrap(api.POST('/conversations/{id}/typing', { params: { path: { id } } })),
  });
  const last = useRef(0);
  return () => {
    if (Date.now() - last.current < 20_000) return;
    last.current = Date.now();
    send.mutate();
  };
}

/** A file for sending: stored with POST /media (its bytes as the body), answered with our media id. */
export async function uploadMedia(file: File) {
  const res = await fetch(`/api/v1/media?filename=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type || 'application/octet-stream', ...csrfHeaders() },
    body: file,
  });
  const body = await res.json();
  if (!res.ok)
    throw new ApiError(res.status, body.code ?? 'HTTP_ERROR', body.detail ?? body.title, body.fields);
  return body as { id: string; type: 'image' | 'document' | 'audio' | 'video'; filename: string | null };
}
