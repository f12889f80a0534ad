import type { Database } from '../../../shared/db/Database';

/**
 * What the open transaction knows of a tenant's numbers: true for a user's (active or not), false
 * for any other. Kept for the transaction only (`Database.once`); outside one nothing is known.
 */
const known = (db: Database, tenantId: string) =>
  db.once(`staff-numbers:${tenantId}`, async () => new Map<string, boolean>());

/**
 * Which of `phones` belong to the tenant's users. Numbers the transaction has asked about already
 * are answered from memory: the usage count of a batch of replies asks about the customers the
 * sender lookup has just looked up.
 */
export async function staffAmong(db: Database, tenantId: string, phones: string[]): Promise<Set<string>> {
  const numbers = await known(db, tenantId);
  const unknown = [...new Set(phones)].filter((phone) => !numbers.has(phone));
  if (unknown.length) {
    const found = new Set(
      (await db
        .q('users')
        .where({ tenant_id: tenantId })
        .whereIn('phone', unknown)
        .pluck('phone')) as string[],
    );
    for (const phone of unknown) numbers.set(phone, found.has(phone));
  }
  return new Set(phones.filter((phone) => numbers.get(phone)));
}

/** What a statement found out about `asked`: `staff` are users' numbers, the others are not. */
export async function rememberStaffNumbers(
  db: Database,
  tenantId: string,
  asked: string[],
  staff: Set<string>,
): Promise<void> {
  const numbers = await known(db, tenantId);
  for (const phone of asked) numbers.set(phone, staff.has(phone));
}

/** A number that has just become a user's. */
export async function forgetStaffNumber(db: Database, tenantId: string, phone: string): Promise<void> {
  (await known(db, tenantId)).delete(phone);
}
