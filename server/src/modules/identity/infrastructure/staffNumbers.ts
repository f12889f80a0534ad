import type { Database } from '../../../shared/db/Database';

const keyOf = (tenantId: string, phone: string) => `staff-number:${tenantId}:${phone}`;

/**
 * Which of `phones` belong to the tenant's users (active or not). Numbers the transaction has
 * asked about already are answered from memory: the usage count of a batch of replies asks about
 * the customers the sender lookup has just looked up.
 */
export async function staffAmong(db: Database, tenantId: string, phones: string[]): Promise<Set<string>> {
  const unique = [...new Set(phones)];
  const staff = new Set<string>();
  const unknown: string[] = [];
  for (const phone of unique)
    if (!db.remembers(keyOf(tenantId, phone))) unknown.push(phone);
    else if (await db.once(keyOf(tenantId, phone), async () => false)) staff.add(phone);
  if (unknown.length) {
    const found = (await db
      .q('users')
      .where({ tenant_id: tenantId })
      .whereIn('phone', unknown)
      .pluck('phone')) as string[];
    rememberStaffNumbers(db, tenantId, unknown, new Set(found));
    for (const phone of found) staff.add(phone);
  }
  return staff;
}

/** What a statement found out about `asked`: `staff` are users' numbers, the others are not. */
export function rememberStaffNumbers(
  db: Database,
  tenantId: string,
  asked: string[],
  staff: Set<string>,
): void {
  for (const phone of asked) db.remember(keyOf(tenantId, phone), staff.has(phone));
}

/** A number that has just become a user's. */
export function forgetStaffNumber(db: Database, tenantId: string, phone: string): void {
  db.forget(keyOf(tenantId, phone));
}
