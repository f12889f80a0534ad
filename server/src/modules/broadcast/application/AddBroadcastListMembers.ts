import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError, type FieldProblem } from '../../../shared/errors/AppError';
import { PhoneNumber, type CountryCode } from '../../../shared/phone/PhoneNumber';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { BroadcastListRepository, ListMember } from '../domain/BroadcastList';

export const MAX_MEMBERS_PER_CALL = 10_000;

export interface AddBroadcastListMembersInput {
  actor: Actor;
  listId: string;
  members: Array<{ phone: string; name?: string }>;
}

/**
 * Phones are normalised to E.164 with the tenant's region (WhatsApp quirks included), so the
 * same customer written two ways is one member. Any invalid phone refuses the whole call, naming it.
 */
@injectable()
export class AddBroadcastListMembers {
  constructor(
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.BroadcastListRepository) private readonly lists: BroadcastListRepository,
  ) {}

  async execute({ actor, listId, members }: AddBroadcastListMembersInput) {
    assertAllowed(actor, 'broadcast');
    if (!members.length || members.length > MAX_MEMBERS_PER_CALL)
      throw new ValidationError(`Give 1 to ${MAX_MEMBERS_PER_CALL} members`, [
        { field: 'members', message: `1 to ${MAX_MEMBERS_PER_CALL} members` },
      ]);
    const list = await this.lists.findById(actor.tenantId, listId);
    if (!list) throw new NotFoundError('broadcast list', listId);
    const region = (await this.tenants.findById(actor.tenantId))?.defaultRegion as CountryCode | undefined;
    const problems: FieldProblem[] = [];
    const normalised = new Map<string, ListMember>();
    members.forEach((m, i) => {
      const phone = PhoneNumber.tryParse(String(m.phone ?? ''), region);
      if (!phone) return problems.push({ field: `members[${i}].phone`, message: 'not a valid phone number' });
      if (!normalised.has(phone.e164))
        normalised.set(phone.e164, { phone: phone.e164, name: m.name?.trim() || undefined });
    });
    if (problems.length) throw new ValidationError('Some phone numbers are not valid', problems);
    const added = await this.lists.addMembers(actor.tenantId, list.id, [...normalised.values()]);
    return { listId: list.id, added, alreadyMembers: normalised.size - added };
  }
}
