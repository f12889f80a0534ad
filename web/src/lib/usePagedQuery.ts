import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** What a paged list gives a table: the rows so far, and how to load the next page. */
export interface PagedRows<T> {
  rows: T[] | undefined;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

/** A cursor-paged list of the API (`limit`, `cursor` → `nextCursor`), flattened for a table. */
export function usePagedQuery<T>(
  queryKey: QueryKey,
  fetchPage: (cursor?: string) => Promise<Page<T>>,
  /** Refetch every so many ms while the rows call for it (e.g. a file still downloading). */
  pollWhile?: { ms: number; until(rows: T[]): boolean },
): PagedRows<T> {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) =>
      pollWhile && !pollWhile.until(q.state.data?.pages.flatMap((p) => p.data) ?? []) ? pollWhile.ms : false,
  });
  return {
    rows: query.data?.pages.flatMap((p) => p.data),
    loading: query.isPending,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
  };
}
