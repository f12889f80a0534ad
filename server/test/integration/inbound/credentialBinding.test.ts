import crypto from 'node:crypto';
import { expect } from 'chai';
import twilio from 'twilio';
import type { AddConnection } from '../../../src/modules/connection/application/AddConnection';
import type { ConnectionInput } from '../../../src/modules/connection/application/connectionInput';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { TYPES } from '../../../src/types';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';
import { aTenant, aUser } from '../../support/builders';
import { loadFixture, META_APP_SECRET } from '../../support/fixtures';
import { inboundHarness, PUBLIC_BASE_URL, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { anAssignment, aTrip } from '../../support/tripBuilders';

const knex = () => testDb().knex;
const TWILIO_PATH = '/api/whatsapp/webhook/twilio';

/** A Meta delivery (meta-text.json's shape) from `from` to the number `phoneNumberId` of WABA `waba`. */
function metaDeliveryTo(
  number: { phoneNumberId: string; waba: string; display: string },
  from: string,
  text: string,
) {
  const body = JSON.parse(loadFixture('meta-text.json').toString('utf8'));
  const entry = body.entry[0];
  entry.id = number.waba;
  const value = entry.changes[0].value;
  value.metadata = { display_phone_number: number.display.slice(1), phone_number_id: number.phoneNumberId };
  value.contacts = [{ profile: { name: 'Sender' }, wa_id: from.slice(1) }];
  Object.assign(value.messages[0], {
    from: from.slice(1),
    id: `wamid.${crypto.randomUUID()}`,
    text: { body: text },
  });
  return body as { entry: unknown[] };
}

/**
 * SPEC §15, credentials bound to their tenants: a delivery is accepted only when the secret that
 * verifies it belongs to every number its events are for. The harness tenant ("A") holds the
 * fixtures' Meta number and secret; B and C are connected here as an operator would.
 */
describe('credential binding: a delivery is only accepted for the numbers its credentials belong to', () => {
  let h: InboundHarness;
  let b: Tenant;
  const numberB = { phoneNumberId: '300000000000001', waba: '300000000000009', display: '+15550100201' };
  const secretB = 'tenant-b-app-secret';

  const connect = (tenant: Tenant, connection: ConnectionInput) =>
    h.container
      .get<AddConnection>(TYPES.AddConnection)
      .execute({ tenantId: tenant.id, by: 'test', connection });
  const stored = () => knex()('whatsapp_webhook_events');

  beforeEach(async () => {
    h = await inboundHarness();
    b = await aTenant({ name: 'Tenant B' });
    await connect(b, {
      provider: 'meta',
      phoneNumber: numberB.display,
      phoneNumberId: numberB.phoneNumberId,
      businessAccountId: numberB.waba,
      accessToken: 'EAAG-b',
      webhookSecret: secretB,
    });
  });

  describe('Meta', () => {
    it("refuses a forged ISSUE for tenant B's number signed with tenant A's app secret, and creates no incident", async () => {
      const guide = await aUser(b, { role: 'field_staff', phone: '+5491160001111' });
      await anAssignment(await aTrip(b, { code: 'TRPB1' }), guide);
      const forged = JSON.stringify(metaDeliveryTo(numberB, guide.phone, 'ISSUE TRPB1 bus on fire'));

      const res = await h.postMeta(forged, signMetaBody(forged, META_APP_SECRET)).expect(401);
      expect(res.body.code).to.equal('INVALID_SIGNATURE');
      await h.processor.drain();
      expect(await stored()).to.have.length(0);
      expect(await knex()('incidents')).to.have.length(0);

      // The same delivery signed with B's own secret is B's: the incident is created.
      await h.postMeta(forged, signMetaBody(forged, secretB)).expect(200);
      await h.processor.drain();
      expect(await knex()('incidents').where({ tenant_id: b.id })).to.have.length(1);
    });

    it('refuses a batch whose events span a number of the signing secret and a number of another secret', async () => {
      const own = JSON.parse(loadFixture('meta-text.json').toString('utf8'));
      own.entry.push(metaDeliveryTo(numberB, '+5491160002222', 'hello').entry[0]);
      const mixed = JSON.stringify(own);
      await h.postMeta(mixed, signMetaBody(mixed, META_APP_SECRET)).expect(401);
      await h.postMeta(mixed, signMetaBody(mixed, secretB)).expect(401);
      expect(await stored()).to.have.length(0);
    });

    it('accepts one delivery for two tenants that share one app secret (a provider’s app), each event in its tenant', async () => {
      const c = await aTenant({ name: 'Tenant C' });
      const numberC = { phoneNumberId: '400000000000001', waba: '400000000000009', display: '+15550100301' };
      await connect(c, {
        provider: 'meta',
        phoneNumber: numberC.display,
        phoneNumberId: numberC.phoneNumberId,
        businessAccountId: numberC.waba,
        accessToken: 'EAAG-c',
        webhookSecret: META_APP_SECRET, // the same app as tenant A
      });
      const both = JSON.parse(loadFixture('meta-text.json').toString('utf8'));
      both.entry.push(metaDeliveryTo(numberC, '+5491160003333', 'hola').entry[0]);
      const body = JSON.stringify(both);
      await h.postMeta(body, signMetaBody(body, META_APP_SECRET)).expect(200);
      await h.processor.drain();
      const messages = await knex()('whatsapp_messages').where({ direction: 'INBOUND' }).orderBy('tenant_id');
      expect(messages.map((m) => m.tenant_id).sort()).to.deep.equal([h.tenantId, c.id].sort());
      expect((await stored())[0].tenant_id).to.equal(null); // several tenants: routed event by event
    });

    it('refuses a delivery for a number no connection has, even signed with a configured secret', async () => {
      const unknown = JSON.stringify(
        metaDeliveryTo(
          { phoneNumberId: '999999999', waba: '999', display: '+15550009999' },
          '+5491160004444',
          'hi',
        ),
      );
      await h.postMeta(unknown, signMetaBody(unknown, META_APP_SECRET)).expect(401);
      expect(await stored()).to.have.length(0);
    });
  });

  describe('Twilio', () => {
    const numberA = '+15550100199'; // the harness tenant's Twilio number (the fixtures' To)
    const postTwilio = (params: Record<string, string>, token: string) =>
      h.http
        .post(TWILIO_PATH)
        .set('content-type', 'application/x-www-form-urlencoded')
        .set(
          'x-twilio-signature',
          twilio.getExpectedTwilioSignature(token, PUBLIC_BASE_URL + TWILIO_PATH, params),
        )
        .send(new URLSearchParams(params).toString());
    const inbound = (to: string, accountSid: string) => ({
      ...Object.fromEntries(new URLSearchParams(loadFixture('twilio-inbound.form').toString('utf8'))),
      To: `whatsapp:${to}`,
      AccountSid: accountSid,
    });
    const sidC = 'AC' + 'c'.repeat(32);
    const tokenC = 'tenant-c-twilio-token';

    beforeEach(async () => {
      const c = await aTenant({ name: 'Tenant C' });
      await connect(c, {
        provider: 'twilio',
        phoneNumber: '+15550100401',
        twilioAccountSid: sidC,
        twilioAuthToken: tokenC,
      });
    });

    it("refuses a callback to tenant A's number signed with tenant C's auth token, storing nothing", async () => {
      await postTwilio(inbound(numberA, sidC), tokenC).expect(401);
      expect(await stored()).to.have.length(0);
    });

    it("refuses a callback to tenant B's number (no Twilio connection has it) signed with tenant C's token", async () => {
      // Before: with no Twilio connection for the To, every Twilio token was tried, and C's
      // signature put a message into tenant B through B's Meta number.
      await postTwilio(inbound(numberB.display, sidC), tokenC).expect(401);
      expect(await stored()).to.have.length(0);
    });

    it('refuses a callback to a number no connection has, whichever token signed it', async () => {
      await postTwilio(inbound('+15550109999', sidC), tokenC).expect(401);
      expect(await stored()).to.have.length(0);
    });

    it("accepts tenant C's own callback, stored under tenant C", async () => {
      const res = await postTwilio(inbound('+15550100401', sidC), tokenC).expect(200);
      expect(res.text).to.equal('<Response/>');
      const [event] = await stored();
      expect(event.tenant_id).to.not.equal(h.tenantId);
    });
  });

  describe('360dialog', () => {
    const secret = 'd360-webhook-secret';
    let d: Tenant;
    const post = (body: string) =>
      h.http
        .post(`/api/whatsapp/webhook?orgId=${d.id}`)
        .set('content-type', 'application/json')
        .set('x-360dialog-signature', crypto.createHmac('sha256', secret).update(body).digest('hex'))
        .send(body);

    beforeEach(async () => {
      d = await aTenant({ name: 'Tenant D' });
      await connect(d, {
        provider: '360dialog',
        phoneNumber: '+5491155550000',
        apiKey: 'd360-key',
        webhookSecret: secret,
      });
    });

    it("refuses events for another tenant's number, even signed with the org's own secret", async () => {
      await post(loadFixture('meta-text.json').toString('utf8')).expect(401); // tenant A's number
      await post(JSON.stringify(metaDeliveryTo(numberB, '+5491160005555', 'hi'))).expect(401); // tenant B's
      expect(await stored()).to.have.length(0);
    });

    it("accepts events for the org's own number", async () => {
      const own = metaDeliveryTo(
        { phoneNumberId: '500000000000001', waba: '500000000000009', display: '+5491155550000' },
        '+5491160006666',
        'hola',
      );
      await post(JSON.stringify(own)).expect(200);
      expect((await stored())[0].tenant_id).to.equal(d.id);
    });
  });
});
