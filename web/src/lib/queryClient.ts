import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api/client';

/** Server state lives here: cached queries, refetched on focus, never retried on a 4xx. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});
