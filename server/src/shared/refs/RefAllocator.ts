/** Human references of business objects, numbered per tenant: LD-1, Q-1, BK-1, INC-1. */
export const REF_KINDS = ['LD', 'Q', 'BK', 'INC'] as const;
export type RefKind = (typeof REF_KINDS)[number];

export interface RefAllocator {
  next(tenantId: string, kind: RefKind): Promise<string>;
  /** `count` refs at once, increasing. */
  nextMany(tenantId: string, kind: RefKind, count: number): Promise<string[]>;
}

/** `inc-7`, ` INC-7 ` → `INC-7`; undefined when it is not a ref of that kind. */
export function parseRef(kind: RefKind, text: string): string | undefined {
  const match = new RegExp(`^\\s*${kind}-?(\\d{1,9})\\s*$`, 'i').exec(text);
  return match ? `${kind}-${Number(match[1])}` : undefined;
}
