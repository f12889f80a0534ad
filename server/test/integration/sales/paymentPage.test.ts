import crypto from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import type { SendPaymentLink } from '../../../src/modules/booking/application/SendPaymentLink';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aTripRow, staffActor } from '../../support/salesBuilders';
import { PAYMENT_BASE, queuedTo, salesContext } from './salesTestKit';

const aToken = () => crypto.randomBytes(16).toString('base64url');

async function withPayments(tenant: Tenant, payments: Record<string, string>) {
  await testDb()
    .knex('tenants')
    .where({ id: tenant.id })
    .update({ settings: JSON.stringify({ payments }) });
}

describe('the payment page (/pay/:bookingRef?t=)', () => {
  let context: ReturnType<typeof salesContext>;
  let app: ReturnType<typeof createApp>;
  beforeEach(() => {
    context = salesContext();
    app = createApp(context.container);
  });
  const open = (ref: string, token?: string) =>
    request(app).get(`/pay/${ref}${token === undefined ? '' : `?t=${encodeURIComponent(token)}`}`);

  it('shows the booking — trip, amount, status — and how to pay, in a page that runs no script', async () => {
    const tenant = await aTenant({ name: 'Andes Treks' });
    await withPayments(tenant, {
      instructions: 'Transfer to CBU 0110 0001\nReference: your booking',
      paymentUrlTemplate: 'https://checkout.example/pay?ref={ref}&amount={amount}&currency={currency}',
    });
    const trip = await aTripRow(tenant, 'TRP123', { name: 'Iguazu Falls', departureDate: '2027-03-14' });
    const token = aToken();
    const booking = await aBooking(tenant, { tripId: trip.id, amount: '1500.00', paymentToken: token });
    const res = await open(booking.ref, token).expect(200);
    expect(res.headers['content-type']).to.match(/^text\/html/);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['referrer-policy']).to.equal('no-referrer');
    expect(res.headers['content-security-policy']).to.match(/default-src 'self'/);
    expect(res.text).to.include('Andes Treks').and.include(`Booking ${booking.ref}`);
    expect(res.text).to.include('Iguazu Falls (TRP123), departs 2027-03-14');
    expect(res.text).to.include('1500.00 USD').and.include('waiting for payment');
    expect(res.text).to.include('Transfer to CBU 0110 0001\nReference: your booking');
    expect(res.text).to.include(
      `href="https://checkout.example/pay?ref=${booking.ref}&#38;amount=1500.00&#38;currency=USD"`,
    );
    expect(res.text).not.to.match(/<script/i);
  });

  it('escapes everything it shows', async () => {
    const tenant = await aTenant({ name: '<b>Evil</b> & Co' });
    await withPayments(tenant, { instructions: '<script>alert(1)</script>' });
    const token = aToken();
    const booking = await aBooking(tenant, { paymentToken: token });
    const res = await open(booking.ref, token).expect(200);
    expect(res.text).to.include('&#60;b&#62;Evil&#60;/b&#62; &#38; Co');
    expect(res.text).to.include('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(res.text).not.to.match(/<script/i);
  });

  it('answers the same 404 to a wrong or missing token and to an unknown ref', async () => {
    const tenant = await aTenant();
    const other = await aTenant();
    const token = aToken();
    const otherToken = aToken();
    const booking = await aBooking(tenant, { paymentToken: token });
    const theirs = await aBooking(other, { paymentToken: otherToken });
    expect(theirs.ref).to.equal(booking.ref); // both tenants' first booking: BK-1
    const answers = [
      await open(booking.ref, aToken()),
      await open(booking.ref),
      await open(booking.ref, ''),
      await open('BK-999', token),
      await open('bk-1', token),
      await open(`${booking.ref}x`, token),
    ];
    for (const res of answers) {
      expect(res.status).to.equal(404);
      expect(res.text).to.equal(answers[0].text);
    }
    expect(answers[0].text).to.include('This payment link is not valid');
    // The same ref in another tenant opens with that booking's own token only.
    expect((await open(theirs.ref, otherToken).expect(200)).text).to.include(other.name);
  });

  it('says a paid booking is confirmed and a cancelled one owes nothing, without payment details', async () => {
    const tenant = await aTenant();
    await withPayments(tenant, { instructions: 'Transfer to CBU 0110' });
    const [paid, cancelled] = [aToken(), aToken()];
    const a = await aBooking(tenant, { status: 'confirmed', paymentToken: paid });
    const b = await aBooking(tenant, { status: 'cancelled', paymentToken: cancelled });
    const confirmedPage = (await open(a.ref, paid).expect(200)).text;
    expect(confirmedPage).to.include('paid — confirmed').and.include('your booking is paid and confirmed');
    expect(confirmedPage).not.to.include('CBU');
    expect((await open(b.ref, cancelled).expect(200)).text)
      .to.include('nothing is due')
      .and.not.include('CBU');
  });

  it('shows what was paid so far, and the rep’s promise when the tenant set no instructions', async () => {
    const tenant = await aTenant();
    const token = aToken();
    const booking = await aBooking(tenant, { amount: '1000.00', paymentToken: token });
    await testDb().knex('payments').insert({
      tenant_id: tenant.id,
      booking_id: booking.id,
      amount: '400.00',
      currency: 'USD',
      reference: 'r1',
    });
    const page = (await open(booking.ref, token).expect(200)).text;
    expect(page).to.include('Paid so far').and.include('400.00 USD');
    expect(page).to.include('Your sales rep will send you the payment details shortly.');
  });

  it('speaks the tenant’s language', async () => {
    const tenant = await aTenant({ defaultLanguage: 'es' });
    const token = aToken();
    const booking = await aBooking(tenant, { paymentToken: token });
    const page = (await open(booking.ref, token).expect(200)).text;
    expect(page)
      .to.include('<html lang="es"')
      .and.include(`Reserva ${booking.ref}`)
      .and.include('pendiente de pago');
  });

  it('opens from the link a booking’s payment message carries', async () => {
    const tenant = await aTenant();
    const rep = await aUser(tenant);
    const booking = await aBooking(tenant, { customerPhone: '+5491155509876', paymentToken: aToken() });
    await context
      .get<SendPaymentLink>(TYPES.SendPaymentLink)
      .execute({ actor: staffActor(rep), bookingId: booking.id });
    const [message] = await queuedTo('+5491155509876');
    const link = message.template!.params[3];
    expect(link.startsWith(`${PAYMENT_BASE}/`)).to.equal(true);
    const res = await request(app).get(`/pay${link.slice(PAYMENT_BASE.length)}`);
    expect(res.status).to.equal(200);
    expect(res.text).to.include(`Booking ${booking.ref}`);
  });
});
