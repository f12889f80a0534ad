import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api/client';
import { everyOf } from '../../../lib/api/everyOf';

export const useUsage = () => useQuery({ queryKey: ['usage'], queryFn: () => unwrap(api.GET('/usage')) });

export const useClickToChat = (text: string) =>
  useQuery({
    queryKey: ['click-to-chat', text],
    queryFn: () => unwrap(api.GET('/click-to-chat', { params: { query: { text, format: 'json' } } })),
    retry: false,
  });

/** The QR code as an image the browser loads itself (same origin, the session cookie). */
export const qrCodeSrc = (text: string) =>
  `/api/v1/click-to-chat?${new URLSearchParams({ format: 'svg', text }).toString()}`;

export type Pricing = ResponseOf<'/settings/pricing', 'get'>;
export type PricingCategory = keyof Pricing['prices'];
/** Meta's pricing categories, in the order of its rate card. */
export const PRICING_CATEGORIES = everyOf<PricingCategory>()([
  'marketing',
  'marketing_lite',
  'utility',
  'authentication',
  'authentication_international',
  'service',
]);

export const usePricing = () =>
  useQuery({ queryKey: ['pricing'], queryFn: () => unwrap(api.GET('/settings/pricing')) });

/** Saves the prices; the usage estimate is recomputed with them. */
export function useSavePricing() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Pricing) => unwrap(api.PUT('/settings/pricing', { body })),
    onSuccess: (saved) => {
      client.setQueryData(['pricing'], saved);
      void client.invalidateQueries({ queryKey: ['usage'] });
    },
  });
}
