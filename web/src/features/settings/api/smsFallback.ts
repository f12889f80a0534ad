import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type BodyOf } from '../../../lib/api/client';

export const useSmsFallback = () =>
  useQuery({ queryKey: ['sms-fallback'], queryFn: () => unwrap(api.GET('/settings/sms-fallback')) });

export function useSaveSmsFallback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/settings/sms-fallback', 'put'>) =>
      unwrap(api.PUT('/settings/sms-fallback', { body })),
    onSuccess: (saved) => client.setQueryData(['sms-fallback'], saved),
  });
}
