import { expect } from 'chai';
import type { ConvertLeadToBooking } from '../../../src/modules/booking/application/ConvertLeadToBooking';
import { NotFoundError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone, aLead, aTripRow, staffActor } from '../../support/salesBuilders';
import { businessSnapshot, PAYMENT_BASE, queuedTo, salesContext, timelineActions } from './salesTestKit';

describe('ConvertLeadToBooking', () => {
  async function setUp() {
    const { get } = salesContext();
    const tenant = await aTenant();
    const rep = await aUser(tenant);
    const customerPhone = aCustomerPhone();
    const lead = await aLead(tenant, {
      customerPhone,
      customerName: 'Ana',
      status: 'quoted',
      assignedTo: rep.id,
    });
    await aTripRow(tenant, 'TRP123', { name: 'Fitz Roy Trek', departureDate: '2026-12-05' });
    const input = {
      actor: staffActor(rep),
      leadId: lead.id,
      tripCode: 'TRP123',
      partySize: 2,
      amount: 3000,
      currency: 'USD',
    };
    return { convert: get<ConvertLeadToBooking>(TYPES.ConvertLeadToBooking), lead, customerPhone, input };
  }

  it('books the trip, converts the lead and sends the payment link', async () => {
    const { convert, lead, customerPhone, input } = await setUp();
    const booking = await convert.execute(input);
    expect(booking).to.include({
      ref: 'BK-1',
      status: 'pending_payment',
      partySize: 2,
      amount: '3000.00',
      currency: 'USD',
    });
    const row = await testDb().knex('bookings').where({ id: booking.id }).first();
    expect(row).to.include({ lead_id: lead.id, customer_phone: customerPhone, customer_name: 'Ana' });
    expect(row.payment_token).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({ status: 'converted' });
    expect(await timelineActions(booking.id)).to.deep.equal(['BOOKING_CREATED']);
    expect(await timelineActions(lead.id)).to.deep.equal(['BOOKING_CREATED']);
    const [message] = await queuedTo(customerPhone);
    const link = `${PAYMENT_BASE}/BK-1?t=${row.payment_token}`;
    expect(message.template).to.deep.equal({
      name: 'payment_link',
      language: 'en',
      params: ['Ana', 'BK-1', '3000.00 USD', link],
    });
    expect(message.text).to.include(link);
  });

  it('refuses an unknown trip by its code and writes nothing', async () => {
    const { convert, input } = await setUp();
    const before = await businessSnapshot();
    const error = await convert.execute({ ...input, tripCode: 'TRP999' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect((error as Error).message).to.include('TRP999');
    expect(await businessSnapshot()).to.deep.equal(before);
  });

  it("refuses another tenant's trip", async () => {
    const { convert, input } = await setUp();
    await aTripRow(await aTenant(), 'TRP777');
    const error = await convert.execute({ ...input, tripCode: 'TRP777' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
  });

  it('refuses to convert a lead twice', async () => {
    const { convert, input } = await setUp();
    await convert.execute(input);
    const error = await convert.execute(input).catch((e: unknown) => e);
    expect(error).to.have.property('code', 'LEAD_CLOSED');
    expect(await testDb().knex('bookings')).to.have.length(1);
  });

  it('names an invalid party size', async () => {
    const { convert, input } = await setUp();
    const error = await convert.execute({ ...input, partySize: 0 }).catch((e: unknown) => e);
    expect(error).to.have.nested.property('fields[0].field', 'partySize');
  });
});
