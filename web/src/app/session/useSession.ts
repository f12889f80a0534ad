import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, unwrap, type ResponseOf } from '../../lib/api/client';

export type SignedIn = ResponseOf<'/auth/session', 'get'>;
export const SESSION_KEY = ['session'] as const;

/** The console session (null when signed out); its CSRF token goes to the API client. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async (): Promise<SignedIn | null> => {
      try {
        const session = await unwrap(api.GET('/auth/session'));
        setCsrfToken(session.csrfToken);
        return session;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 404)) return null;
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

/** Every cached answer but the session's: what one user saw is never shown to the next. */
const forgetAllButSession = (client: QueryClient) =>
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });

/** After signing in (or setting up): the session is known, every cached answer of another user dropped. */
export function useSignedIn() {
  const client = useQueryClient();
  return (session: SignedIn) => {
    setCsrfToken(session.csrfToken);
    forgetAllButSession(client);
    client.setQueryData(SESSION_KEY, session);
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/auth/session')),
    onSettled: () => {
      setCsrfToken(undefined);
      client.setQueryData(SESSION_KEY, null);
      forgetAllButSession(client);
    },
  });
}
