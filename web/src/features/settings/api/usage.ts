import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/client';

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
