import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { customerLanguages } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { User } from '../../identity/domain/User';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { notification } from '../../message/domain/notification';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { IncidentUpdate } from '../domain/IncidentUpdate';
import { incidentUpdateText } from '../domain/incidentUpdateText';

export interface IncidentUpdateNotice {
  trip: Trip;
  actor: Actor;
  /** `INC-7`, or `INC-7, INC-8` when a trip's incidents are resolved together. */
  refs: string;
  /** What happened, and the note staff read with it. */
  kind: IncidentUpdate['kind'];
  note?: string;
  /** Who reported the incidents: they hear about every update (SPEC §22). */
  reporterIds: Array<string | undefined>;
  /** Resolutions also go to every operations and manager user. */
  toOperations: boolean;
  /** Sent to the trip's customers when given. */
  customerMessage?: string;
}

/**
 * Queues an incident update (template incident_update) to the reporters, operations when asked,
 * and the trip's customers when asked (each in their own language; staff in the tenant's); never
 * to the person who made the update. In the caller's transaction.
 */
@injectable()
export class IncidentNotices {
  constructor(
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  async send(notice: IncidentUpdateNotice): Promise<{ staffNotified: number; customersNotified: number }> {
    const { trip, actor } = notice;
    const tenant = await this.tenants.findById(actor.tenantId);
    if (!tenant) throw new NotFoundError('tenant', actor.tenantId);
    const recipients = new Map<string, User>();
    if (notice.toOperations)
      for (const user of await this.staff.activeByRoles(tenant.id, ['operations', 'manager']))
        recipients.set(user.id, user);
    for (const id of new Set(notice.reporterIds)) {
      const reporter = id ? await this.staff.findById(tenant.id, id) : undefined;
      if (reporter?.active) recipients.set(reporter.id, reporter);
    }
    if (actor.userId) recipients.delete(actor.userId);
    const send = (to: string, text: string, language: string) =>
      this.outbound.enqueue(
        notification(tenant.id, to, 'incident_update', [trip.code, notice.refs, text], language, {
          tripCode: trip.code,
          incidentRefs: notice.refs,
        }),
      );
    const staffText = incidentUpdateText(notice.kind, notice.note, tenant.defaultLanguage);
    for (const user of recipients.values()) await send(user.phone, staffText, tenant.defaultLanguage);
    const phones = notice.customerMessage ? await this.trips.customerPhones(tenant.id, trip.id) : [];
    const languageOf = await customerLanguages(this.contacts, tenant, phones);
    for (const phone of phones) await send(phone, notice.customerMessage!, languageOf(phone));
    return { staffNotified: recipients.size, customersNotified: phones.length };
  }
}
