import crypto from 'node:crypto';
import { expect } from 'chai';
import twilio from 'twilio';
import { TYPES } from '../../../src/types';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { aTenant } from '../../support/builders';
import { loadFixture, TWILIO_AUTH_TOKEN } from '../../support/fixtures';
import { inboundHarness, PUBLIC_BASE_URL, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';

const knex = () => testDb().knex;

describe('Twilio and 360dialog deliveries', () => {
  let h: InboundHarness;
  beforeEach(async () => {
    h = await inboundHarness();
  });

  describe('Twilio', () => {
    const path = '/api/whatsapp/webhook/twilio';
    const postForm = (fixture: string) => {
      const form = loadFixture(fixture).toString('utf8');
      const params = Object.fromEntries(new URLSearchParams(form));
      const signature = twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL + path, params);
      return h.http
        .post(path)
        .set('content-type', 'application/x-www-form-urlencoded')
        .set('x-twilio-signature', signature)
        .send(form)
        .expect(200);
    };
    const sidOf = (fixture: string) =>
      new URLSearchParams(loadFixture(fixture).toString('utf8')).get('MessageSid')!;

    it('records an inbound WhatsApp message from its form parameters', async () => {
      await postForm('twilio-inbound.form');
      await h.processor.drain();
      const message = await knex()('whatsapp_messages').where({ direction: 'INBOUND' }).first();
      expect(message).to.include({ direction: 'INBOUND', type: 'text', customer_phone: '+15551234567' });
      expect(message.provider_message_id).to.equal(sidOf('twilio-inbound.form'));
      expect(message.content.text).to.match(/^Hola/);
      expect((await knex()('whatsapp_conversations').first()).customer_name).to.equal('Ana Test');
    });

    it('applies status callbacks, keeping the undelivered error code', async () => {
      const sid = sidOf('twilio-status-undelivered-63016.form');
      await knex()('whatsapp_messages').insert({
        tenant_id: h.tenantId,
        provider_message_id: sid,
        direction: 'OUTBOUND',
        type: 'text',
        status: 'sent',
        customer_phone: '+15551234567',
      });
      await postForm('twilio-status-undelivered-63016.form');
      await h.processor.drain();
      const message = await knex()('whatsapp_messages').where({ provider_message_id: sid }).first();
      expect(message).to.include({ status: 'failed', error_code: '63016' });
    });

    it('records a redelivered callback once', async () => {
      await postForm('twilio-inbound.form');
      await postForm('twilio-inbound.form');
      await h.processor.drain();
      expect(await knex()('whatsapp_messages').where({ direction: 'INBOUND' })).to.have.length(1);
      expect(await knex()('whatsapp_webhook_events')).to.have.length(1);
    });
  });

  describe('360dialog', () => {
    const secret = 'd360-webhook-secret';
    let tenantId: string;
    beforeEach(async () => {
      tenantId = (await aTenant()).id;
      await h.container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository).save({
        tenantId,
        provider: '360dialog',
        phoneNumber: '+5491155550000',
        credentials: { dialog360ApiKey: 'd360-key', webhookSecret: secret },
        settings: {},
      });
      h.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
    });
    /** meta-text.json as 360dialog relays it for the tenant's own number (its ids, not the Meta tenant's). */
    const ownDelivery = loadFixture('meta-text.json')
      .toString('utf8')
      .replace(/106540352242922/g, '200000000000001')
      .replace(/102938475610293/g, '200000000000009')
      .replace(/15550100199/g, '5491155550000');
    const post = (orgId: string, headers: Record<string, string>) => {
      const req = h.http.post(`/api/whatsapp/webhook?orgId=${orgId}`).set('content-type', 'application/json');
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.send(ownDelivery);
    };

    it('routes a delivery to the tenant named by orgId when its secret header matches', async () => {
      await post(tenantId, { 'x-webhook-secret': secret }).expect(200);
      await h.processor.drain();
      const event = await knex()('whatsapp_webhook_events').first();
      expect(event).to.include({ provider: '360dialog', tenant_id: tenantId });
      expect((await knex()('whatsapp_messages').where({ direction: 'INBOUND' }).first()).tenant_id).to.equal(
        tenantId,
      );
    });

    it('accepts the x-360dialog-signature HMAC of the body', async () => {
      const signature = crypto.createHmac('sha256', secret).update(ownDelivery).digest('hex');
      await post(tenantId, { 'x-360dialog-signature': signature }).expect(200);
    });

    it('refuses a wrong secret, a missing one and an unknown orgId with 401', async () => {
      await post(tenantId, { 'x-webhook-secret': 'nope' }).expect(401);
      await post(tenantId, {}).expect(401);
      await post('00000000-0000-4000-8000-000000000000', { 'x-webhook-secret': secret }).expect(401);
      await post('not-a-uuid', { 'x-webhook-secret': secret }).expect(401);
      expect(await knex()('whatsapp_webhook_events')).to.have.length(0);
    });
  });
});
