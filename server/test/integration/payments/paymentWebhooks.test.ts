import crypto from 'node:crypto';
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import type { UpdatePaymentSettings } from '../../../src/modules/payment/application/UpdatePaymentSettings';
import { signMercadoPago } from '../../../src/modules/payment/http/webhookSignatures';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { FakeMercadoPago } from '../../support/FakeMercadoPago';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';
import { aBooking, staffActor } from '../../support/salesBuilders';

const knex = () => testDb().knex;
const GENERIC_SECRET = 'generic-webhook-secret';
const MP_SECRET = 'mp-application-secret';
const MP_TOKEN = 'APP_USR-8832-tenant-token';

describe('payment webhooks (SPEC §22)', () => {
  let mp: FakeMercadoPago;
  beforeEach(async () => {
    mp = await FakeMercadoPago.start();
    mp.tokens.add(MP_TOKEN);
  });
  afterEach(() => mp.close());

  async function setUp(secrets: { generic?: boolean; mpToken?: boolean } = {}) {
    const { container } = testContainer({ MERCADOPAGO_API_BASE_URL: mp.url });
    const http = request(createApp(container));
    const tenant = await aTenant();
    const manager = await aUser(tenant, { role: 'manager' });
    await container.get<UpdatePaymentSettings>(TYPES.UpdatePaymentSettings).execute({
      actor: staffActor(manager),
      changes: {
        ...(secrets.generic === false ? {} : { webhookSecret: GENERIC_SECRET }),
        mercadopago: {
          webhookSecret: MP_SECRET,
          ...(secrets.mpToken === false ? {} : { accessToken: MP_TOKEN }),
        },
      },
    });
    const booking = await aBooking(tenant, {
      customerPhone: '+5491155557777',
      amount: '1500.00',
      currency: 'ARS',
    });
    return { http, tenant, booking };
  }

  const confirmations = () =>
    knex()('whatsapp_messages').whereRaw(`content->'template'->>'name' = 'booking_confirmed'`);

  describe('POST /api/payments/webhook/generic', () => {
    const post = (
      http: request.Agent | ReturnType<typeof request>,
      tenantId: string,
      body: object,
      secret = GENERIC_SECRET,
    ) => {
      const raw = JSON.stringify(body);
      const signature = `sha256=${crypto.createHmac('sha256', secret).update(raw).digest('hex')}`;
      return http
        .post(`/api/payments/webhook/generic?tenant=${tenantId}`)
        .set('content-type', 'application/json')
        .set('x-signature', signature)
        .send(raw);
    };

    it('records a signed payment once, confirming the booking', async () => {
      const { http, tenant, booking } = await setUp();
      const body = { bookingRef: booking.ref, amount: '1500.00', currency: 'ARS', reference: 'BANK-77' };
      const first = await post(http, tenant.id, body).expect(201);
      expect(first.body).to.include({ recorded: true, bookingRef: booking.ref, bookingStatus: 'confirmed' });
      const again = await post(http, tenant.id, body).expect(200);
      expect(again.body).to.include({ recorded: false, bookingStatus: 'confirmed' });
      const payments = await knex()('payments');
      expect(payments).to.have.length(1);
      expect(payments[0]).to.include({
        provider: 'generic',
        provider_payment_id: 'BANK-77',
        recorded_by: null,
      });
      expect(await confirmations()).to.have.length(1);
      const received = await knex()('timeline_entries').whereRaw(`content->>'action' = 'PAYMENT_RECEIVED'`);
      expect(received[0]).to.include({ source: 'SYSTEM', actor: 'provider:generic' });
    });

    it('refuses a wrong signature, an unknown tenant and a tenant without a secret alike (401), storing nothing', async () => {
      const { http, tenant, booking } = await setUp();
      const body = { bookingRef: booking.ref, amount: 1500, currency: 'ARS', reference: 'X1' };
      await post(http, tenant.id, body, 'not-the-secret').expect(401);
      await post(http, crypto.randomUUID(), body).expect(401);
      const bare = await setUp({ generic: false });
      await post(bare.http, bare.tenant.id, body).expect(401);
      await http.post(`/api/payments/webhook/generic`).send(body).expect(400);
      expect(await knex()('payments')).to.deep.equal([]);
    });

    it('answers 400 naming the fields, 404 for an unknown booking (audited), 409 for a reused reference', async () => {
      const { http, tenant, booking } = await setUp();
      const bad = await post(http, tenant.id, { bookingRef: 'twelve', amount: -1 }).expect(400);
      expect(bad.body.fields.map((f: { field: string }) => f.field)).to.have.members([
        'bookingRef',
        'amount',
        'currency',
        'reference',
      ]);
      await post(http, tenant.id, {
        bookingRef: 'BK-999',
        amount: 1,
        currency: 'ARS',
        reference: 'R1',
      }).expect(404);
      const [audit] = await knex()('whatsapp_audit_logs').where({ action: 'PAYMENT_NOT_RECORDED' });
      expect(audit.details).to.include({ bookingRef: 'BK-999', code: 'NOT_FOUND' });
      await post(http, tenant.id, {
        bookingRef: booking.ref,
        amount: 100,
        currency: 'ARS',
        reference: 'R2',
      }).expect(201);
      await post(http, tenant.id, {
        bookingRef: booking.ref,
        amount: 200,
        currency: 'ARS',
        reference: 'R2',
      }).expect(409);
    });
  });

  describe('POST /api/payments/webhook/mercadopago', () => {
    /** A notification as Mercado Pago sends it: data.id in the URL and the body, signed. */
    const notify = (
      http: ReturnType<typeof request>,
      tenantId: string,
      paymentId: string,
      options: { secret?: string; type?: string; requestId?: string } = {},
    ) => {
      const requestId = options.requestId ?? crypto.randomUUID();
      const ts = String(Math.floor(Date.now() / 1000));
      return http
        .post(
          `/api/payments/webhook/mercadopago?tenant=${tenantId}&data.id=${paymentId}&type=${options.type ?? 'payment'}`,
        )
        .set('content-type', 'application/json')
        .set('x-request-id', requestId)
        .set('x-signature', signMercadoPago(options.secret ?? MP_SECRET, paymentId, requestId, ts))
        .send({
          action: 'payment.updated',
          api_version: 'v1',
          data: { id: paymentId },
          date_created: '2026-03-01T13:01:08.000-03:00',
          id: 112233445566,
          live_mode: false,
          type: options.type ?? 'payment',
          user_id: '987654321',
        });
    };
    const approved = (id: number, ref: string, amount = 1500) =>
      mp.payments.set(String(id), {
        id,
        status: 'approved',
        transaction_amount: amount,
        currency_id: 'ARS',
        external_reference: ref,
      });

    it('looks the payment up with the tenant’s token and records an approved one, once', async () => {
      const { http, tenant, booking } = await setUp();
      approved(1234567890, booking.ref);
      const res = await notify(http, tenant.id, '1234567890').expect(200);
      expect(res.body).to.deep.equal({ recorded: true, duplicate: false, bookingRef: booking.ref });
      const [lookup] = mp.server.requestsTo('/v1/payments/1234567890');
      expect(lookup.headers.authorization).to.equal(`Bearer ${MP_TOKEN}`);
      const [payment] = await knex()('payments');
      expect(payment).to.include({
        provider: 'mercadopago',
        provider_payment_id: '1234567890',
        reference: 'mercadopago:1234567890',
        currency: 'ARS',
      });
      expect((await knex()('bookings').first()).status).to.equal('confirmed');
      expect(await confirmations()).to.have.length(1);
    });

    it('records concurrent duplicate notifications of one payment once', async () => {
      const { http, tenant, booking } = await setUp();
      approved(555, booking.ref);
      const answers = await Promise.all(Array.from({ length: 5 }, () => notify(http, tenant.id, '555')));
      expect(answers.map((a) => a.status)).to.deep.equal([200, 200, 200, 200, 200]);
      expect(answers.filter((a) => a.body.recorded)).to.have.length(1);
      expect(await knex()('payments')).to.have.length(1);
      expect(await confirmations()).to.have.length(1);
    });

    it('refuses a bad signature before asking Mercado Pago anything', async () => {
      const { http, tenant, booking } = await setUp();
      approved(777, booking.ref);
      await notify(http, tenant.id, '777', { secret: 'forged' }).expect(401);
      await http
        .post(`/api/payments/webhook/mercadopago?tenant=${tenant.id}&data.id=777&type=payment`)
        .send({ type: 'payment', data: { id: '777' } })
        .expect(401);
      expect(mp.lookups()).to.equal(0);
      expect(await knex()('payments')).to.deep.equal([]);
    });

    it('records nothing for a pending payment, another notification type or a payment in another currency', async () => {
      const { http, tenant, booking } = await setUp();
      mp.payments.set('10', {
        id: 10,
        status: 'pending',
        transaction_amount: 1500,
        currency_id: 'ARS',
        external_reference: booking.ref,
      });
      mp.payments.set('11', {
        id: 11,
        status: 'approved',
        transaction_amount: 15,
        currency_id: 'USD',
        external_reference: booking.ref,
      });
      expect((await notify(http, tenant.id, '10').expect(200)).body).to.deep.equal({
        recorded: false,
        ignored: 'payment pending',
      });
      expect(
        (await notify(http, tenant.id, '12', { type: 'merchant_order' }).expect(200)).body.ignored,
      ).to.match(/merchant_order/);
      expect((await notify(http, tenant.id, '99').expect(200)).body.ignored).to.equal('payment not found');
      expect((await notify(http, tenant.id, '11').expect(200)).body).to.deep.equal({
        recorded: false,
        ignored: 'VALIDATION_FAILED',
      });
      expect(await knex()('payments')).to.deep.equal([]);
      expect(await knex()('whatsapp_audit_logs').where({ action: 'PAYMENT_NOT_RECORDED' })).to.have.length(1);
    });

    it('answers 503 while Mercado Pago fails or no token is set, so the notification is retried', async () => {
      const { http, tenant, booking } = await setUp();
      approved(20, booking.ref);
      mp.failures = 1;
      await notify(http, tenant.id, '20').expect(503);
      await notify(http, tenant.id, '20').expect(200);
      const bare = await setUp({ mpToken: false });
      await notify(bare.http, bare.tenant.id, '20').expect(503);
      expect(await knex()('payments')).to.have.length(1);
    });
  });
});
