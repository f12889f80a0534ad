import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api/client';

export type AutoResponder = ResponseOf<'/settings/auto-responder', 'get'>;
export type AutoReplyRule = AutoResponder['rules'][number];
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const useAutoResponder = () =>
  useQuery({
    queryKey: ['auto-responder'],
    queryFn: () => unwrap(api.GET('/settings/auto-responder')),
  });

export function useSaveAutoResponder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AutoResponder) => unwrap(api.PUT('/settings/auto-responder', { body })),
    onSuccess: (saved) => client.setQueryData(['auto-responder'], saved),
  });
}
