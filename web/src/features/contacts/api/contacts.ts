import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Contact = ItemOf<'/contacts'>;

export const useContacts = (q: string) =>
  usePagedQuery(['contacts', { q }], (cursor) =>
    unwrap(api.GET('/contacts', { params: { query: { q: q.trim() || undefined, cursor, limit: 50 } } })),
  );

export interface ContactChanges {
  name: string | null;
  language: 'en' | 'es' | 'pt' | null;
  tags: string[];
  notes: string | null;
}

export function useUpdateContact(phone: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactChanges) =>
      unwrap(api.PATCH('/contacts/{phone}', { params: { path: { phone } }, body: body as never })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['contacts'] }),
  });
}
