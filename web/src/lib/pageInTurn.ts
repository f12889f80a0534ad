import type { Page } from './usePagedQuery';

/** Where lists read in turn stand: which list, and the cursor the API gave in it. */
interface Position {
  list: number;
  cursor?: string;
}

/**
 * One page of several cursor-paged lists read one after the other, for a view the API answers
 * one filter at a time (open incidents, then acknowledged ones). When a list runs out, the page is
 * filled from the next one; the cursor handed back says where to go on, as opaque as the API's.
 */
export async function pageInTurn<L, T>(
  lists: readonly L[],
  fetchPage: (list: L, limit: number, cursor?: string) => Promise<Page<T>>,
  limit: number,
  cursor?: string,
): Promise<Page<T>> {
  let at: Position = cursor ? (JSON.parse(cursor) as Position) : { list: 0 };
  const data: T[] = [];
  while (at.list < lists.length && data.length < limit) {
    const page = await fetchPage(lists[at.list], limit - data.length, at.cursor);
    data.push(...page.data);
    at = page.nextCursor ? { list: at.list, cursor: page.nextCursor } : { list: at.list + 1 };
  }
  return { data, nextCursor: at.list < lists.length ? JSON.stringify(at) : null };
}
