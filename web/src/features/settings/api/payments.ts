import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf, type ResponseOf } from '../../../lib/api/client';

export type PaymentSettings = ResponseOf<'/settings/payments', 'get'>;
export type PaymentSettingsChanges = BodyOf<'/settings/payments', 'put'>;

export const usePaymentSettings = () =>
  useQuery({ queryKey: ['payment-settings'], queryFn: () => unwrap(api.GET('/settings/payments')) });

/** A field left out stays as it is; secrets are write-only (the answer says which are set). */
export function useSavePaymentSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PaymentSettingsChanges) => unwrap(api.PUT('/settings/payments', { body })),
    onSuccess: (saved) => client.setQueryData(['payment-settings'], saved),
  });
}
