import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ItemOf, type ResponseOf } from '../../../lib/api/client';
import { everyOf } from '../../../lib/api/everyOf';

export type Connection = ItemOf<'/whatsapp/connections'>;
export type ConnectionTest = ResponseOf<'/whatsapp/connections/{id}/test', 'post'>;
export type ConnectionInput = BodyOf<'/whatsapp/connections', 'post'>;
export type ConnectionChanges = BodyOf<'/whatsapp/connections/{id}', 'patch'>;
export type Provider = Connection['provider'];
export const PROVIDERS = everyOf<Provider>()(['meta', '360dialog', 'twilio', 'console']);

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

function useConnectionsMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ['connections'] }),
  });
}

/** Adds a number, or changes one (`id`): only the fields given change; a secret given replaces the stored one. */
export const useSaveConnection = () =>
  useConnectionsMutation(
    (input: { id?: undefined; body: ConnectionInput } | { id: string; body: ConnectionChanges }) =>
      input.id === undefined
        ? unwrap(api.POST('/whatsapp/connections', { body: input.body }))
        : unwrap(
            api.PATCH('/whatsapp/connections/{id}', { params: { path: { id: input.id } }, body: input.body }),
          ),
  );

export const useRemoveConnection = () =>
  useConnectionsMutation((id: string) =>
    unwrap(api.DELETE('/whatsapp/connections/{id}', { params: { path: { id } } })),
  );
