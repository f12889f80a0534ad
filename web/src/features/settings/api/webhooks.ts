import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import type { EventType } from '../../../lib/api/eventTypes';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type WebhookSubscription = ItemOf<'/webhook-subscriptions'>;
export type WebhookDelivery = ItemOf<'/webhook-subscriptions/{id}/deliveries'>;

const KEY = ['webhook-subscriptions'];

export const useWebhookSubscriptions = () =>
  usePagedQuery(KEY, (cursor) =>
    unwrap(api.GET('/webhook-subscriptions', { params: { query: { cursor, limit: 100 } } })),
  );

/** A subscription's deliveries, newest first; refreshed while one is still being tried. */
export const useWebhookDeliveries = (id: string) =>
  usePagedQuery(
    [...KEY, id, 'deliveries'],
    (cursor) =>
      unwrap(
        api.GET('/webhook-subscriptions/{id}/deliveries', {
          params: { path: { id }, query: { cursor, limit: 50 } },
        }),
      ),
    { ms: 3000, until: (rows) => rows.length > 0 && rows.every((d) => d.status !== 'pending') },
  );

function useSubscriptionsMutation<T, R>(run: (input: T) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: run, onSuccess: () => client.invalidateQueries({ queryKey: KEY }) });
}

/** Answers the subscription with its signing secret, which the API shows this once. */
export const useCreateWebhookSubscription = () =>
  useSubscriptionsMutation((body: { url: string; events: EventType[] }) =>
    unwrap(api.POST('/webhook-subscriptions', { body })),
  );

/** Turns a subscription off, or a disabled one back on (from the next event). */
export const useSetWebhookStatus = () =>
  useSubscriptionsMutation((input: { id: string; status: WebhookSubscription['status'] }) =>
    unwrap(
      api.PATCH('/webhook-subscriptions/{id}', {
        params: { path: { id: input.id } },
        body: { status: input.status },
      }),
    ),
  );

export const useRemoveWebhookSubscription = () =>
  useSubscriptionsMutation((id: string) =>
    unwrap(api.DELETE('/webhook-subscriptions/{id}', { params: { path: { id } } })),
  );
