/**
 * Splits `items` into rounds in which every key appears at most once, keeping the items' order
 * within each key: a round can be handled set-based (one statement for all its items), and the
 * second item of a key is handled only after the first, in the next round.
 */
export function inRounds<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
