/**
 * Splits `items` into at most `lanes` groups so that items sharing a key always land in the same
 * group, each group keeping the items' original order. The inbox processor keys deliveries by
 * customer: its lanes then run in parallel without waiting on each other's conversation rows, and a
 * customer's messages are still handled in the order they arrived. Items without keys go anywhere.
 */
export function groupByKeys<T>(items: T[], keysOf: (item: T) => string[], lanes: number): T[][] {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const firstWithKey = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of keysOf(item)) {
      const other = firstWithKey.get(key);
      if (other === undefined) firstWithKey.set(key, i);
      else parent[root(i)] = root(other);
    }
  });

  const components = new Map<number, number[]>();
  items.forEach((_, i) => components.set(root(i), [...(components.get(root(i)) ?? []), i]));
  // Largest component first, each to the lane with the fewest items so far.
  const groups: number[][] = Array.from({ length: Math.max(1, lanes) }, () => []);
  for (const component of [...components.values()].sort((a, b) => b.length - a.length)) {
    const lightest = groups.reduce((min, g) => (g.length < min.length ? g : min));
    lightest.push(...component);
  }
  return groups.filter((g) => g.length > 0).map((g) => g.sort((a, b) => a - b).map((i) => items[i]));
}
