import { ValidationError, type FieldProblem } from '../../../shared/errors/AppError';
import { PhoneNumber, type CountryCode } from '../../../shared/phone/PhoneNumber';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { BroadcastListRepository, ListMember } from '../domain/BroadcastList';

export const MAX_MEMBERS_PER_CALL = 10_000;

export interface MembersAdded {
  listId: string;
  added: number;
  alreadyMembers: number;
}

/**
 * Adds members to a list of the tenant (the caller owns the transaction and the audit entry).
 * Phones are normalised to E.164 with the tenant's region (WhatsApp quirks included), so the
 * same customer written two ways is one member. Any invalid phone refuses the whole call, naming it.
 */
export async function addListMembers(
  deps: { tenants: TenantRepository; lists: BroadcastListRepository },
  tenantId: string,
  listId: string,
  members: Array<{ phone: string; name?: string }>,
): Promise<MembersAdded> {
  if (!members.length || members.length > MAX_MEMBERS_PER_CALL)
    throw new ValidationError(`Give 1 to ${MAX_MEMBERS_PER_CALL} members`, [
      { field: 'members', message: `1 to ${MAX_MEMBERS_PER_CALL} members` },
    ]);
  const region = (await deps.tenants.findById(tenantId))?.defaultRegion as CountryCode | undefined;
  const problems: FieldProblem[] = [];
  const normalised = new Map<string, ListMember>();
  members.forEach((m, i) => {
    const phone = PhoneNumber.tryParse(String(m.phone ?? ''), region);
    if (!phone) return problems.push({ field: `members[${i}].phone`, message: 'not a valid phone number' });
    if (!normalised.has(phone.e164))
      normalised.set(phone.e164, { phone: phone.e164, name: m.name?.trim() || undefined });
  });
  if (problems.length) throw new ValidationError('Some phone numbers are not valid', problems);
  const added = await deps.lists.addMembers(tenantId, listId, [...normalised.values()]);
  return { listId, added, alreadyMembers: normalised.size - added };
}
