import { expect } from 'chai';
import { JobRunner } from '../../../src/jobs/JobRunner';
import type { Job, JobContext } from '../../../src/shared/jobs/Job';
import { aTenant } from '../../support/builders';
import { aBooking, aTripRow } from '../../support/salesBuilders';
import { testContainer, type TestContext } from '../../support/testContainer';
import { DAY, knex } from './jobsTestKit';

const HOUR = 3_600_000;
const created = new Date('2026-03-01T10:00:00Z');
const at = (hours: number) => new Date(created.getTime() + hours * HOUR);

function job(ctx: TestContext): Job {
  return ctx.container.get(JobRunner).jobs.get('payment-reminders')!;
}

/** One run at `now`, as the scheduler or `wa-ops jobs run` would start it. */
const runAt = (ctx: TestContext, now: Date) =>
  job(ctx).run({
    tick: now,
    signal: new AbortController().signal,
    progress: { start: () => undefined, advance: () => undefined },
  } satisfies JobContext);

const reminders = () =>
  knex()('whatsapp_messages')
    .where({ direction: 'OUTBOUND' })
    .whereRaw(`content->'template'->>'name' = 'payment_reminder'`)
    .orderBy('created_at');

describe('job payment-reminders (SPEC §22)', () => {
  async function setUp(env: Record<string, string> = {}, departureDate = '2026-06-01') {
    const ctx = testContainer(env);
    const tenant = await aTenant();
    const trip = await aTripRow(tenant, 'TRP9', { departureDate });
    const booking = await aBooking(tenant, {
      tripId: trip.id,
      customerPhone: '+5491155551234',
      customerName: 'Carla',
      paymentToken: 'tok123',
    });
    await knex()('bookings').where({ id: booking.id }).update({ created_at: created });
    return { ctx, tenant, booking };
  }

  it('reminds 24 h after the booking, then every 72 h, three times, each once and on the timeline', async () => {
    const { ctx, booking } = await setUp();
    expect(await runAt(ctx, at(23))).to.deep.equal({ checked: 0, reminded: 0 });
    expect(await runAt(ctx, at(24))).to.deep.equal({ checked: 1, reminded: 1 });
    expect(await runAt(ctx, at(25))).to.deep.include({ reminded: 0 });
    expect(await runAt(ctx, at(96))).to.deep.include({ reminded: 1 });
    expect(await runAt(ctx, at(168))).to.deep.include({ reminded: 1 });
    expect(await runAt(ctx, at(1000))).to.deep.include({ reminded: 0 });
    const sent = await reminders();
    expect(sent).to.have.length(3);
    expect(sent[0].customer_phone).to.equal('+5491155551234');
    expect(sent[0].content.template.params).to.deep.equal([
      'Carla',
      booking.ref,
      '1000.00 USD',
      `http://localhost:3000/pay/${booking.ref}?t=tok123`,
    ]);
    const entries = await knex()('timeline_entries').where({ entity_id: booking.id }).orderBy('created_at');
    expect(entries.map((e) => [e.source, e.content.action, e.content.slots])).to.deep.equal([
      ['CRON', 'PAYMENT_REMINDER_SENT', ['after-1']],
      ['CRON', 'PAYMENT_REMINDER_SENT', ['after-2']],
      ['CRON', 'PAYMENT_REMINDER_SENT', ['after-3']],
    ]);
  });

  it('follows PAYMENT_REMINDER_INTERVAL_HOURS and asks only for what is still due', async () => {
    const { ctx, tenant, booking } = await setUp({ PAYMENT_REMINDER_INTERVAL_HOURS: '12' });
    await knex()('payments').insert({
      tenant_id: tenant.id,
      booking_id: booking.id,
      amount: '400.00',
      currency: 'USD',
      reference: 'DEPOSIT',
    });
    await runAt(ctx, at(24));
    expect(await runAt(ctx, at(36))).to.deep.include({ reminded: 1 });
    const [first] = await reminders();
    expect(first.content.template.params[2]).to.equal('600.00 USD');
  });

  it('sends one message for slots that came due while it did not run, and one before departure', async () => {
    const { ctx } = await setUp({}, '2026-03-20');
    expect(await runAt(ctx, at(200))).to.deep.include({ reminded: 1 });
    expect(await runAt(ctx, new Date('2026-03-13T00:00:00Z'))).to.deep.include({ reminded: 1 });
    expect(await runAt(ctx, new Date('2026-03-19T00:00:00Z'))).to.deep.include({ reminded: 0 });
    expect(await reminders()).to.have.length(2);
    const slots = await knex()('sent_reminders').orderBy('slot').pluck('slot');
    expect(slots).to.deep.equal(['after-1', 'after-2', 'after-3', 'before-departure']);
  });

  it('never reminds a paid, cancelled or departed booking', async () => {
    const { ctx, tenant, booking } = await setUp();
    await knex()('bookings').where({ id: booking.id }).update({ status: 'confirmed' });
    const cancelled = await aBooking(tenant, { status: 'cancelled' });
    const departed = await aBooking(tenant, {
      tripId: (await aTripRow(tenant, 'OLD1', { departureDate: '2026-03-02' })).id,
    });
    await knex()('bookings').whereIn('id', [cancelled.id, departed.id]).update({ created_at: created });
    expect(await runAt(ctx, at(48))).to.deep.equal({ checked: 0, reminded: 0 });
    expect(await reminders()).to.deep.equal([]);
  });

  it('sends a reminder once when two instances run the same tick together', async () => {
    const { ctx } = await setUp();
    const other = testContainer();
    const results = await Promise.all([runAt(ctx, at(30)), runAt(other, at(30))]);
    expect(results.map((r) => (r as { reminded: number }).reminded).sort()).to.deep.equal([0, 1]);
    expect(await reminders()).to.have.length(1);
    expect(await knex()('sent_reminders')).to.have.length(1);
  });

  it('is scheduled hourly and runs from wa-ops jobs run', async () => {
    const { ctx } = await setUp();
    expect(job(ctx).defaultSchedule).to.equal('0 * * * *');
    const result = await ctx.container.get(JobRunner).run(job(ctx), new Date(created.getTime() + DAY), {
      trigger: 'manual',
    });
    expect(result?.summary).to.deep.equal({ checked: 1, reminded: 1 });
  });
});
