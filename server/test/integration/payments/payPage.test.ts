import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aTripRow } from '../../support/salesBuilders';
import { testContainer } from '../../support/testContainer';

describe('GET /pay/:bookingRef?t= (SPEC §22)', () => {
  async function setUp(language = 'en') {
    const http = request(createApp(testContainer().container));
    const tenant = await aTenant({ name: 'Andes Treks', defaultLanguage: language });
    const trip = await aTripRow(tenant, 'TRP1', { name: 'Iguazú Falls', departureDate: '2026-12-05' });
    const booking = await aBooking(tenant, { tripId: trip.id, amount: '1800.00', paymentToken: 'tok-A' });
    return { http, tenant, booking };
  }
  const settings = (tenantId: string, values: Record<string, string>) =>
    testDb()
      .knex('payment_settings')
      .insert({ tenant_id: tenantId, ...values });

  it('shows the booking and a link filled from paymentUrlTemplate with what is still due', async () => {
    const { http, tenant, booking } = await setUp();
    await settings(tenant.id, {
      payment_url_template: 'https://pay.example.com/c?ref={ref}&amount={amount}&currency={currency}',
      instructions: 'Or transfer to <b>CBU</b> 0000003100010000000001',
    });
    await testDb().knex('payments').insert({
      tenant_id: tenant.id,
      booking_id: booking.id,
      amount: '300',
      currency: 'USD',
      reference: 'D1',
    });
    const res = await http.get(`/pay/${booking.ref.toLowerCase()}?t=tok-A`).expect(200);
    expect(res.headers['content-type']).to.match(/^text\/html/);
    expect(res.headers['cache-control']).to.equal('no-store');
    expect(res.headers['referrer-policy']).to.equal('no-referrer');
    expect(res.text).to.include('Andes Treks').and.include(`Booking ${booking.ref}`);
    expect(res.text).to.include('Iguazú Falls, departs 2026-12-05').and.include('1800.00 USD');
    expect(res.text).to.include('Pending payment').and.include('To pay: <strong>1500.00 USD</strong>');
    expect(res.text).to.include(
      `href="https://pay.example.com/c?ref=${booking.ref}&amp;amount=1500.00&amp;currency=USD"`,
    );
    expect(res.text).to.include('Or transfer to &lt;b&gt;CBU&lt;/b&gt;').and.not.include('<b>CBU</b>');
  });

  it('is 404 for a wrong or missing token, and tells apart two tenants’ bookings with the same ref', async () => {
    const { http, booking } = await setUp();
    const other = await aTenant();
    await aBooking(other, { amount: '99.00', paymentToken: 'tok-B' });
    await http.get(`/pay/${booking.ref}?t=tok-B-wrong`).expect(404);
    await http.get(`/pay/${booking.ref}`).expect(404);
    await http.get('/pay/BK-999?t=tok-A').expect(404);
    await http.get('/pay/nonsense?t=tok-A').expect(404);
    const theirs = await http.get(`/pay/${booking.ref}?t=tok-B`).expect(200);
    expect(theirs.text).to.include('99.00 USD').and.not.include('1800.00');
  });

  it('says paid or cancelled without a payment link, and speaks Spanish for a Spanish tenant', async () => {
    const { http, tenant, booking } = await setUp('es');
    await settings(tenant.id, { payment_url_template: 'https://pay.example.com/{ref}' });
    await testDb().knex('bookings').where({ id: booking.id }).update({ status: 'confirmed' });
    const paid = await http.get(`/pay/${booking.ref}?t=tok-A`).expect(200);
    expect(paid.text).to.include('<html lang="es"').and.include('Gracias, esta reserva está paga.');
    expect(paid.text).not.to.include('pay.example.com');
    await testDb().knex('bookings').where({ id: booking.id }).update({ status: 'cancelled' });
    expect((await http.get(`/pay/${booking.ref}?t=tok-A`)).text).to.include('fue cancelada');
  });

  it('without settings, tells the customer their rep will send the details', async () => {
    const { http, booking } = await setUp();
    const res = await http.get(`/pay/${booking.ref}?t=tok-A`).expect(200);
    expect(res.text).to.include('Your sales rep will send you the payment details.');
  });
});
