import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Booking = ItemOf<'/bookings'>;
export const BOOKING_STATUSES = ['pending_payment', 'confirmed', 'cancelled'] as const;

export function useBookings(filters: { status: string; tripCode: string }) {
  return usePagedQuery(['bookings', filters], (cursor) =>
    unwrap(
      api.GET('/bookings', {
        params: {
          query: {
            status: (filters.status || undefined) as never,
            tripCode: filters.tripCode || undefined,
            cursor,
            limit: 50,
          },
        },
      }),
    ),
  );
}

export const useBooking = (id: string) =>
  useQuery({
    queryKey: ['bookings', 'one', id],
    queryFn: () => unwrap(api.GET('/bookings/{id}', { params: { path: { id } } })),
  });

export function useSendPaymentLink(id: string) {
  return useMutation({
    mutationFn: () => unwrap(api.POST('/bookings/{id}/payment-link', { params: { path: { id } } })),
  });
}

export function useRecordPayment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { amount: string; currency: string; reference: string }) =>
      unwrap(api.POST('/bookings/{id}/payments', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bookings'] }),
  });
}
