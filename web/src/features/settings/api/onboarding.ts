import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ResponseOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

export type Onboarding = ResponseOf<'/onboarding/{id}', 'get'>;
export type OnboardingStep = Onboarding['steps'][number];

/** The public ids to open Embedded Signup / the Connect button with (null: not configured). */
export const useOnboardingConfig = (enabled = true) =>
  useQuery({
    queryKey: ['onboarding', 'config'],
    queryFn: () => unwrap(api.GET('/onboarding/config')),
    enabled,
  });

/** Whether the server offers Embedded Signup (Meta's or 360dialog's) to this manager. */
export function useSignupOffered(enabled: boolean): boolean {
  const ids = useOnboardingConfig(enabled).data;
  return Boolean(ids && (ids.meta || ids.dialog360));
}

/** The onboarding, polled every second while its steps run. */
export const useOnboarding = (id: string | undefined) =>
  useQuery({
    queryKey: ['onboarding', id],
    queryFn: () => unwrap(api.GET('/onboarding/{id}', { params: { path: { id: id as string } } })),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
  });

/** Starting or retrying one changes the list of attempts too. */
function useOnboardingMutation<T>(run: (input: T) => Promise<Onboarding>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => client.invalidateQueries({ queryKey: ['onboardings'] }),
  });
}

export const useStartMetaOnboarding = () =>
  useOnboardingMutation((body: { code: string; wabaId: string; phoneNumberId: string }) =>
    unwrap(api.POST('/onboarding/meta', { body })),
  );

export const useStart360dialogOnboarding = () =>
  useOnboardingMutation((channelId: string) =>
    unwrap(api.POST('/onboarding/360dialog', { body: { channelId } })),
  );

export const useRetryOnboarding = () =>
  useOnboardingMutation((id: string) =>
    unwrap(api.POST('/onboarding/{id}/retry', { params: { path: { id } } })),
  );

/**
 * Every attempt to connect a number, newest first; refreshed while one is still running, or until
 * it holds `current` (one just started here, which the list fetched meanwhile may not have had).
 */
export const useOnboardings = (current?: string) =>
  usePagedQuery(
    ['onboardings'],
    (cursor) => unwrap(api.GET('/onboarding', { params: { query: { cursor, limit: 20 } } })),
    {
      ms: 2000,
      until: (rows) =>
        rows.every((o) => o.status !== 'running') && (!current || rows.some((o) => o.id === current)),
    },
  );
