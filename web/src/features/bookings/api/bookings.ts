import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ItemOf, type ResponseOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Booking = ItemOf<'/bookings'>;
export type BookingDetail = ResponseOf<'/bookings/{id}', 'get'>;
export const BOOKING_STATUSES = ['pending_payment', 'confirmed', 'cancelled'] as const;
/** Pending or confirmed bookings may be cancelled, once (SPEC §22). */
export const isCancellable = (booking: Pick<Booking, 'status'>) => booking.status !== 'cancelled';

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

/** Cancels a booking with its reason (the customer is told) and the refund recorded, if any. */
export function useCancelBooking(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/bookings/{id}/cancel', 'post'>) =>
      unwrap(api.POST('/bookings/{id}/cancel', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bookings'] }),
  });
}
