import { expect } from 'chai';
import type { SendPaymentLink } from '../../../src/modules/booking/application/SendPaymentLink';
import { NotFoundError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aCustomerPhone, aLead, customerActor, staffActor } from '../../support/salesBuilders';
import { PAYMENT_BASE, queuedTo, salesContext, timelineActions } from './salesTestKit';

describe('SendPaymentLink', () => {
  async function setUp() {
    const { get } = salesContext();
    const tenant = await aTenant();
    const rep = await aUser(tenant);
    const customerPhone = aCustomerPhone();
    return { send: get<SendPaymentLink>(TYPES.SendPaymentLink), tenant, rep, customerPhone };
  }

  it('sends staff the link of a pending booking again', async () => {
    const { send, tenant, rep, customerPhone } = await setUp();
    const booking = await aBooking(tenant, { customerPhone, paymentToken: 'tok' });
    const result = await send.execute({ actor: staffActor(rep), bookingId: booking.id });
    expect(result.sent).to.equal(true);
    const [message] = await queuedTo(customerPhone);
    expect(message.template?.params[3]).to.equal(`${PAYMENT_BASE}/${booking.ref}?t=tok`);
    expect(await timelineActions(booking.id)).to.deep.equal(['PAYMENT_LINK_SENT']);
  });

  it('writes in the customer’s language (their contact’s), else the tenant’s', async () => {
    const { send, tenant, rep, customerPhone } = await setUp();
    await testDb()
      .knex('contacts')
      .insert({ tenant_id: tenant.id, phone: customerPhone, language: 'es', language_source: 'staff' });
    const theirs = await aBooking(tenant, { customerPhone, paymentToken: 'es' });
    const stranger = aCustomerPhone();
    const unknown = await aBooking(tenant, { customerPhone: stranger, paymentToken: 'en' });
    await send.execute({ actor: staffActor(rep), bookingId: theirs.id });
    await send.execute({ actor: staffActor(rep), bookingId: unknown.id });
    const [spanish] = await queuedTo(customerPhone);
    expect(spanish.template?.language).to.equal('es');
    expect(spanish.text).to.match(/^Hola /);
    const [english] = await queuedTo(stranger);
    expect([english.template?.language, tenant.defaultLanguage]).to.deep.equal(['en', 'en']);
  });

  it('refuses a booking that is not pending payment, and an unknown one', async () => {
    const { send, tenant, rep } = await setUp();
    const booking = await aBooking(tenant, { status: 'confirmed' });
    const error = await send
      .execute({ actor: staffActor(rep), bookingId: booking.ref })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'BOOKING_NOT_PENDING');
    const unknown = await send
      .execute({ actor: staffActor(rep), bookingId: 'BK-99' })
      .catch((e: unknown) => e);
    expect(unknown).to.be.instanceOf(NotFoundError);
  });

  it("gives a customer the link of their most recent pending booking, never another's", async () => {
    const { send, tenant, customerPhone } = await setUp();
    await aBooking(tenant, { customerPhone, paymentToken: 'old' });
    const latest = await aBooking(tenant, { customerPhone, paymentToken: 'new' });
    await aBooking(tenant, { paymentToken: 'someone-else' });
    const result = await send.execute({ actor: customerActor(tenant, customerPhone) });
    expect(result).to.include({ sent: true });
    expect(result.sent && result.booking.id).to.equal(latest.id);
    const messages = await queuedTo(customerPhone);
    expect(messages).to.have.length(1);
    expect(messages[0].text).to.include(`${latest.ref}?t=new`);
  });

  it("alerts the rep of the customer's latest lead when they have nothing to pay", async () => {
    const { send, tenant, rep, customerPhone } = await setUp();
    const other = await aUser(tenant);
    await aLead(tenant, { customerPhone, assignedTo: rep.id });
    const result = await send.execute({ actor: customerActor(tenant, customerPhone, 'Ana') });
    expect(result).to.deep.equal({ sent: false, repAlerted: true });
    const [alert] = await queuedTo(rep.phone);
    expect(alert.text).to.equal(`Ana (${customerPhone}) asked how to pay; no pending booking.`);
    expect(await queuedTo(other.phone)).to.deep.equal([]);
    expect(await queuedTo(customerPhone)).to.deep.equal([]);
  });

  it('alerts every active sales user when the customer has no lead', async () => {
    const { send, tenant, rep, customerPhone } = await setUp();
    const second = await aUser(tenant);
    const result = await send.execute({ actor: customerActor(tenant, customerPhone) });
    expect(result).to.deep.equal({ sent: false, repAlerted: true });
    expect(await queuedTo(rep.phone)).to.have.length(1);
    expect(await queuedTo(second.phone)).to.have.length(1);
  });
});
