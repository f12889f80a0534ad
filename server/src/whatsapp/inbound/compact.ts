/** Drops undefined properties, so events deep-compare and serialise without noise. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `compact`, or undefined when nothing is left (optional sub-objects such as `context`). */
export function compactOrUndefined<T extends object>(value: T): T | undefined {
  const result = compact(value);
  return Object.keys(result).length > 0 ? result : undefined;
}
