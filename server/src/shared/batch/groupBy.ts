/** `items` by `keyOf`, each group keeping the items' order (Map order: first appearance of the key). */
export function groupBy<T, V = T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  valueOf: (item: T) => V = (item) => item as unknown as V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(valueOf(item));
    else groups.set(key, [valueOf(item)]);
  }
  return groups;
}
