import { customerLanguages } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { Actor } from '../../identity/domain/Actor';
import type { Tenant } from '../../identity/domain/Tenant';
import type { User } from '../../identity/domain/User';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { notification } from '../../message/domain/notification';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';

export interface IncidentUpdateNotice {
  tenant: Tenant;
  trip: Trip;
  actor: Actor;
  /** `INC-7`, or `INC-7, INC-8` when a trip's incidents are resolved together. */
  refs: string;
  /** The update as staff read it. */
  text: string;
  /** Who reported the incidents: they hear about every update (SPEC §22). */
  reporterIds: Array<string | undefined>;
  /** Resolutions also go to every operations and manager user. */
  toOperations: boolean;
  /** Sent to the trip's customers when given. */
  customerMessage?: string;
}

export interface IncidentUpdateDeps {
  contacts: ContactRepository;
  staff: StaffDirectory;
  trips: TripRepository;
  outbound: OutboundQueue;
}

/**
 * Queues an incident update (template incident_update) to the reporters, operations when asked,
 * and the trip's customers when asked (each in their own language); never to the person who made
 * the update. Returns the counts.
 */
export async function notifyIncidentUpdate(
  deps: IncidentUpdateDeps,
  notice: IncidentUpdateNotice,
): Promise<{ staffNotified: number; customersNotified: number }> {
  const { tenant, trip } = notice;
  const recipients = new Map<string, User>();
  if (notice.toOperations)
    for (const user of await deps.staff.activeByRoles(tenant.id, ['operations', 'manager']))
      recipients.set(user.id, user);
  for (const id of new Set(notice.reporterIds)) {
    const reporter = id ? await deps.staff.findById(tenant.id, id) : undefined;
    if (reporter?.active) recipients.set(reporter.id, reporter);
  }
  if (notice.actor.userId) recipients.delete(notice.actor.userId);
  const send = (to: string, text: string, language: string) =>
    deps.outbound.enqueue(
      notification(tenant.id, to, 'incident_update', [trip.code, notice.refs, text], language, {
        tripCode: trip.code,
        incidentRefs: notice.refs,
      }),
    );
  for (const user of recipients.values()) await send(user.phone, notice.text, tenant.defaultLanguage);
  const phones = notice.customerMessage ? await deps.trips.customerPhones(tenant.id, trip.id) : [];
  const languageOf = await customerLanguages(deps.contacts, tenant, phones);
  for (const phone of phones) await send(phone, notice.customerMessage!, languageOf(phone));
  return { staffNotified: recipients.size, customersNotified: phones.length };
}
