import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { Job, JobContext, JobSummary } from '../../../shared/jobs/Job';
import type { ReminderLog } from '../../../shared/reminders/ReminderLog';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { BookingRepository, ReminderCandidate } from '../domain/BookingRepository';
import { fromCents, toCents } from '../domain/Money';
import type { PaymentRepository } from '../domain/Payment';
import { ALL_REMINDER_SLOTS, dueReminderSlots } from '../domain/paymentReminderSchedule';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

const BATCH = 200;
const DAY_MS = 86_400_000;

/**
 * `payment-reminders` (SPEC §22), hourly: each booking pending payment gets `payment_reminder` on
 * its schedule (paymentReminderSchedule.ts), at most one message per booking per run. Each slot is
 * claimed in `sent_reminders` in the transaction that queues the message, under the booking's
 * lock, so two instances (or a manual run beside the scheduled one) send it once.
 */
@injectable()
export class PaymentRemindersJob implements Job {
  readonly name = 'payment-reminders';
  readonly defaultSchedule = '0 * * * *';
  readonly description = 'reminds customers of bookings pending payment (payment_reminder)';

  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.BookingRepository) private readonly bookings: BookingRepository,
    @inject(TYPES.PaymentRepository) private readonly payments: PaymentRepository,
    @inject(TYPES.ReminderLog) private readonly reminders: ReminderLog,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  /** `tick` is "now": a run can be asked for any moment (wa-ops jobs run, the demo). */
  async run({ tick, signal }: JobContext): Promise<JobSummary> {
    let [checked, reminded] = [0, 0];
    let after: ReminderCandidate | undefined;
    for (;;) {
      const batch = await this.bookings.listReminderCandidates({
        createdBefore: new Date(tick.getTime() - DAY_MS),
        today: tick.toISOString().slice(0, 10),
        slots: ALL_REMINDER_SLOTS.length,
        after,
        limit: BATCH,
      });
      for (const candidate of batch) {
        if (signal.aborted) return { checked, reminded };
        checked++;
        if (await this.remind(candidate, tick)) reminded++;
      }
      if (batch.length < BATCH) return { checked, reminded };
      after = batch[batch.length - 1];
    }
  }

  /** The slots of a booking due at `now` and not sent yet. */
  private async due(candidate: ReminderCandidate, now: Date): Promise<string[]> {
    return dueReminderSlots({
      createdAt: candidate.createdAt,
      departureDate: candidate.departureDate,
      now,
      intervalHours: this.config.payments.reminderIntervalHours,
      sent: await this.reminders.sentSlots(candidate.tenantId, 'payment_reminder', candidate.id),
    });
  }

  /** One booking, one transaction (taken only when a slot looks due): true when a reminder was queued. */
  private async remind(candidate: ReminderCandidate, now: Date): Promise<boolean> {
    if (!(await this.due(candidate, now)).length) return false;
    return this.unitOfWork.run(async () => {
      const { tenantId } = candidate;
      const booking = await this.bookings.findById(tenantId, candidate.id, { forUpdate: true });
      if (booking?.status !== 'pending_payment') return false;
      const due = await this.due(candidate, now);
      const claimed = await this.reminders.claim(
        due.map((slot) => ({
          tenantId,
          kind: 'payment_reminder' as const,
          subjectId: booking.id,
          slot,
          recipient: booking.customerPhone,
        })),
      );
      if (!claimed.length) return false;
      const paid = await this.payments.totalFor(tenantId, booking.id);
      const amountDue = fromCents(toCents(booking.amount) - toCents(paid));
      const tenant = await requireTenant(this.tenants, tenantId);
      await this.outbound.enqueue(
        customerNotifications.paymentReminder(
          await customerReader(this.contacts, tenant, booking.customerPhone),
          booking,
          amountDue,
          this.config.paymentLinkBaseUrl,
        ),
      );
      await this.timeline.add({
        tenantId,
        entityType: 'booking',
        entityId: booking.id,
        eventType: 'SYSTEM',
        source: 'CRON',
        content: {
          action: 'PAYMENT_REMINDER_SENT',
          bookingRef: booking.ref,
          slots: claimed.map((c) => c.slot),
          amountDue,
          currency: booking.currency,
        },
      });
      return true;
    });
  }
}
