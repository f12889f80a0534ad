import { parseRef, type RefKind } from '../../../shared/refs/RefAllocator';
import { isUuid } from '../domain/isUuid';

/** The where-clause of a lookup by uuid or by human ref (`LD-4`, `bk-12`); undefined when it is neither. */
export function idOrRef(kind: RefKind, value: string): { id: string } | { ref: string } | undefined {
  if (isUuid(value)) return { id: value };
  const ref = parseRef(kind, value);
  return ref ? { ref } : undefined;
}
