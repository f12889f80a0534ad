import { expect } from 'chai';
import { JobRunner } from '../../../src/jobs/JobRunner';
import type { JobContext } from '../../../src/shared/jobs/Job';
import { aTenant, aUser } from '../../support/builders';
import { aBooking } from '../../support/salesBuilders';
import { testContainer, type TestContext } from '../../support/testContainer';
import { anAssignment, aTrip } from '../../support/tripBuilders';
import { knex } from './jobsTestKit';

const runAt = (ctx: TestContext, now: string) =>
  ctx.container
    .get(JobRunner)
    .jobs.get('trip-reminders')!
    .run({
      tick: new Date(now),
      signal: new AbortController().signal,
      progress: { start: () => undefined, advance: () => undefined },
    } satisfies JobContext);

const reminders = async () =>
  (
    await knex()('whatsapp_messages')
      .where({ direction: 'OUTBOUND' })
      .whereRaw(`content->'template'->>'name' = 'trip_reminder'`)
      .orderBy('customer_phone')
  ).map((m) => [m.customer_phone, m.content.template.params]);

describe('job trip-reminders (SPEC §22)', () => {
  async function setUp() {
    const ctx = testContainer();
    const tenant = await aTenant();
    const trip = await aTrip(tenant, { code: 'TRP3', name: 'Iguazú Falls', departureDate: '2026-03-03' });
    const guide = await aUser(tenant, { role: 'field_staff', name: 'Gabriel', phone: '+5491100000010' });
    const retired = await aUser(tenant, { role: 'field_staff', phone: '+5491100000011' });
    await anAssignment(trip, guide);
    await anAssignment(trip, retired);
    await knex()('users').where({ id: retired.id }).update({ active: false });
    const book = (phone: string, status: 'confirmed' | 'pending_payment' | 'cancelled', name = 'Carla') =>
      aBooking(tenant, { tripId: trip.id, customerPhone: phone, customerName: name, status });
    const first = await book('+5491100000001', 'confirmed');
    const second = await book('+5491100000001', 'confirmed');
    await book('+5491100000002', 'pending_payment', 'Pedro');
    await book('+5491100000003', 'cancelled', 'Luz');
    await knex()('incidents').insert({
      tenant_id: tenant.id,
      trip_id: trip.id,
      ref: 'INC-4',
      description: 'Road works',
      status: 'acknowledged',
    });
    return { ctx, tenant, trip, guide, book, refs: [first.ref, second.ref] };
  }

  it('from 24 hours before the departure day, reminds confirmed customers once and gives the staff a summary', async () => {
    const { ctx, trip, refs } = await setUp();
    expect(await runAt(ctx, '2026-03-01T23:59:00Z')).to.deep.equal({ trips: 0, customers: 0, staff: 0 });
    expect(await runAt(ctx, '2026-03-02T00:00:00Z')).to.deep.equal({ trips: 1, customers: 1, staff: 1 });
    expect(await reminders()).to.deep.equal([
      ['+5491100000001', ['Carla', 'Iguazú Falls', '2026-03-03', `booking ${refs.join(', ')} for 4 people`]],
      [
        '+5491100000010',
        [
          'Gabriel',
          'Iguazú Falls',
          '2026-03-03',
          '4 travellers on 2 confirmed bookings (1 more pending payment); open incidents: INC-4',
        ],
      ],
    ]);
    const entries = await knex()('timeline_entries').where({ entity_id: trip.id });
    expect(
      entries.map((e) => [e.source, e.content.action, e.content.customers, e.content.staff]),
    ).to.deep.equal([['CRON', 'TRIP_REMINDERS_SENT', 1, 1]]);
    expect(await runAt(ctx, '2026-03-02T01:00:00Z')).to.deep.equal({ trips: 0, customers: 0, staff: 0 });
  });

  it('reminds a customer confirmed later, and nobody once the departure day is over', async () => {
    const { ctx, book } = await setUp();
    await runAt(ctx, '2026-03-02T00:00:00Z');
    await book('+5491100000004', 'confirmed', 'Dora');
    expect(await runAt(ctx, '2026-03-03T08:00:00Z')).to.deep.include({ customers: 1, staff: 0 });
    await book('+5491100000005', 'confirmed', 'Eva');
    expect(await runAt(ctx, '2026-03-04T00:00:00Z')).to.deep.equal({ trips: 0, customers: 0, staff: 0 });
  });

  it('sends each reminder once when two instances run together', async () => {
    const { ctx } = await setUp();
    await Promise.all([runAt(ctx, '2026-03-02T10:00:00Z'), runAt(testContainer(), '2026-03-02T10:00:00Z')]);
    expect((await reminders()).map(([phone]) => phone)).to.deep.equal(['+5491100000001', '+5491100000010']);
  });

  it('speaks the tenant’s language', async () => {
    const ctx = testContainer();
    const tenant = await aTenant({ defaultLanguage: 'es' });
    const trip = await aTrip(tenant, { code: 'TRP4', name: 'Glaciar', departureDate: '2026-03-03' });
    const booking = await aBooking(tenant, {
      tripId: trip.id,
      customerPhone: '+5491100000020',
      status: 'confirmed',
    });
    await runAt(ctx, '2026-03-02T12:00:00Z');
    const [message] = await knex()('whatsapp_messages').where({ customer_phone: '+5491100000020' });
    expect(message.content.text).to.equal(
      `Hola Ana, te recordamos que Glaciar sale el 2026-03-03: reserva ${booking.ref} para 2 personas. Responde a este mensaje si tienes alguna pregunta.`,
    );
  });

  it('writes to a customer in their own language, to staff in the tenant’s', async () => {
    const ctx = testContainer();
    const tenant = await aTenant({ defaultLanguage: 'es' });
    const trip = await aTrip(tenant, { code: 'TRP5', name: 'Glaciar', departureDate: '2026-03-03' });
    const guide = await aUser(tenant, { role: 'field_staff', phone: '+5491100000030' });
    await anAssignment(trip, guide);
    const booking = await aBooking(tenant, {
      tripId: trip.id,
      customerPhone: '+14155550021',
      customerName: 'Jane',
      status: 'confirmed',
    });
    await knex()('contacts').insert({
      tenant_id: tenant.id,
      phone: '+14155550021',
      language: 'en',
      language_source: 'detected',
    });
    await runAt(ctx, '2026-03-02T12:00:00Z');
    const [customer] = await knex()('whatsapp_messages').where({ customer_phone: '+14155550021' });
    expect(customer.content.template.language).to.equal('en');
    expect(customer.content.text).to.include(`Hi Jane`).and.include(`booking ${booking.ref} for 2 people`);
    const [staff] = await knex()('whatsapp_messages').where({ customer_phone: guide.phone });
    expect(staff.content.template.language).to.equal('es');
  });
});
