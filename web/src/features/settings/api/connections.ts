import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf, type ResponseOf } from '../../../lib/api/client';

export type Connection = ItemOf<'/whatsapp/connections'>;
export type ConnectionTest = ResponseOf<'/whatsapp/connections/{id}/test', 'post'>;

/** The tenant's WhatsApp numbers; `connection.health` events make this key stale. */
export const useConnections = () =>
  useQuery({
    queryKey: ['connections'],
    queryFn: () => unwrap(api.GET('/whatsapp/connections')).then((answer) => answer.data),
  });

/** Asks the provider about one number; its answer is also recorded on the connection. */
export function useTestConnection() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/whatsapp/connections/{id}/test', { params: { path: { id } } })).then((result) => ({
        id,
        result,
      })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['connections'] }),
  });
}
