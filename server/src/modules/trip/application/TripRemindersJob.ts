import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { Job, JobContext, JobSummary } from '../../../shared/jobs/Job';
import type { ReminderLog, ReminderSlot } from '../../../shared/reminders/ReminderLog';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { customerLanguages } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { Tenant } from '../../identity/domain/Tenant';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { IncidentRepository } from '../../incident/domain/IncidentRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { notification } from '../../message/domain/notification';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { StaffDirectory } from '../domain/StaffDirectory';
import type { Traveller } from '../domain/Traveller';
import type { Trip } from '../domain/Trip';
import type { TripRepository } from '../domain/TripRepository';
import { customerDetails, staffDetails } from '../domain/tripReminderDetails';

const DAY_MS = 86_400_000;
const SLOT = 'departure';

/** A trip_reminder to one person: its recipient, greeting, details and the language they read. */
type Reminder = { to: string; name: string; details: string; language: string };

/**
 * `trip-reminders` (SPEC §22), hourly: from 24 hours before a trip's departure day (00:00 UTC)
 * until that day ends, its customers with a confirmed booking get `trip_reminder` and its assigned
 * staff a summary in the same template. Each recipient's reminder is claimed in `sent_reminders`
 * in the transaction that queues it: sent once, however many instances run the job.
 */
@injectable()
export class TripRemindersJob implements Job {
  readonly name = 'trip-reminders';
  readonly defaultSchedule = '0 * * * *';
  readonly description = 'reminds customers and staff of trips departing within 24 hours (trip_reminder)';

  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
    @inject(TYPES.ReminderLog) private readonly reminders: ReminderLog,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  /** `tick` is "now": a run can be asked for any moment (wa-ops jobs run, the demo). */
  async run({ tick, signal }: JobContext): Promise<JobSummary> {
    const today = tick.toISOString().slice(0, 10);
    const tomorrow = new Date(tick.getTime() + DAY_MS).toISOString().slice(0, 10);
    const summary = { trips: 0, customers: 0, staff: 0 };
    for (const trip of await this.trips.departingBetween(today, tomorrow)) {
      if (signal.aborted) break;
      const sent = await this.unitOfWork.run(() => this.remind(trip));
      summary.trips += sent.customers + sent.staff ? 1 : 0;
      summary.customers += sent.customers;
      summary.staff += sent.staff;
    }
    return summary;
  }

  private async remind(trip: Trip): Promise<{ customers: number; staff: number }> {
    const tenant = await this.tenants.findById(trip.tenantId);
    if (!tenant) throw new NotFoundError('tenant', trip.tenantId);
    const travellers = await this.trips.travellers(tenant.id, trip.id);
    const customers = await this.send(tenant, trip, await this.customerReminders(travellers, tenant));
    const staff = await this.send(tenant, trip, await this.staffReminders(trip, travellers, tenant));
    if (customers + staff)
      await this.timeline.add({
        tenantId: tenant.id,
        entityType: 'trip',
        entityId: trip.id,
        eventType: 'SYSTEM',
        source: 'CRON',
        content: { action: 'TRIP_REMINDERS_SENT', tripCode: trip.code, customers, staff },
      });
    return { customers, staff };
  }

  /** One per customer with a confirmed booking, naming all their bookings on the trip, in their language. */
  private async customerReminders(travellers: Traveller[], tenant: Tenant): Promise<Reminder[]> {
    const byPhone = new Map<string, Traveller[]>();
    for (const t of travellers.filter((t) => t.status === 'confirmed'))
      byPhone.set(t.customerPhone, [...(byPhone.get(t.customerPhone) ?? []), t]);
    const languageOf = await customerLanguages(this.contacts, tenant, [...byPhone.keys()]);
    return [...byPhone].map(([to, bookings]) => ({
      to,
      name: bookings.find((b) => b.customerName)?.customerName ?? to,
      details: customerDetails(bookings, languageOf(to)),
      language: languageOf(to),
    }));
  }

  private async staffReminders(trip: Trip, travellers: Traveller[], tenant: Tenant): Promise<Reminder[]> {
    const open = (await this.incidents.listOpenByTrip(tenant.id, trip.id)).map((i) => i.ref);
    const details = staffDetails(travellers, open, tenant.defaultLanguage);
    const reminders: Reminder[] = [];
    for (const assigned of await this.trips.listAssignedStaff(tenant.id, trip.id)) {
      const user = await this.staff.findById(tenant.id, assigned.id);
      if (user?.active)
        reminders.push({ to: user.phone, name: user.name, details, language: tenant.defaultLanguage });
    }
    return reminders;
  }

  /** Queues the reminders whose slot this run claims; returns how many. */
  private async send(tenant: Tenant, trip: Trip, reminders: Reminder[]): Promise<number> {
    const slot = (to: string): ReminderSlot => ({
      tenantId: tenant.id,
      kind: 'trip_reminder',
      subjectId: trip.id,
      slot: SLOT,
      recipient: to,
    });
    const claimed = new Set(
      (await this.reminders.claim(reminders.map((r) => slot(r.to)))).map((c) => c.recipient),
    );
    const due = reminders.filter((r) => claimed.has(r.to));
    for (const r of due)
      await this.outbound.enqueue(
        notification(
          tenant.id,
          r.to,
          'trip_reminder',
          [r.name, trip.name, trip.departureDate, r.details],
          r.language,
          { tripCode: trip.code },
        ),
      );
    return due.length;
  }
}
