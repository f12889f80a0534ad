import { expect } from 'chai';
import twilio from 'twilio';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { createContainer } from '../../../src/container';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { openDatabase } from '../../../src/shared/db/openDatabase';
import { createLogger } from '../../../src/shared/logging/createLogger';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';
import { loadFixture, META_APP_SECRET, TWILIO_AUTH_TOKEN } from '../../support/fixtures';
import { inboundHarness, PUBLIC_BASE_URL, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { TEST_ENCRYPTION_KEY, testConfig } from '../../support/testContainer';
import { TestClock } from '../../support/TestClock';

const storedEvents = async () => testDb().knex('whatsapp_webhook_events').select('*');

describe('webhook edge', () => {
  let h: InboundHarness;
  beforeEach(async () => {
    h = await inboundHarness();
  });

  describe('GET verification', () => {
    it('answers the challenge as plain text when the verify token matches', async () => {
      const res = await h.http
        .get('/api/whatsapp/webhook')
        .query({
          'hub.mode': 'subscribe',
          'hub.verify_token': 'fixture-verify-token',
          'hub.challenge': '1158201444',
        })
        .expect(200);
      expect(res.text).to.equal('1158201444');
      expect(res.headers['content-type']).to.match(/^text\/plain/);
    });

    it('refuses a wrong token or mode with 403', async () => {
      await h.http
        .get('/api/whatsapp/webhook')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': '1' })
        .expect(403);
      await h.http
        .get('/api/whatsapp/webhook')
        .query({
          'hub.mode': 'unsubscribe',
          'hub.verify_token': 'fixture-verify-token',
          'hub.challenge': '1',
        })
        .expect(403);
    });
  });

  describe('Meta signature', () => {
    it('stores a signed delivery before answering 200', async () => {
      const res = await h.postFixture('meta-text.json').expect(200);
      expect(res.body).to.deep.equal({ received: true, duplicate: false });
      const [event] = await storedEvents();
      expect(event.provider).to.equal('meta');
      expect(event.tenant_id).to.equal(h.tenantId);
      expect(event.processed_at).to.equal(null);
      expect(event.signature).to.match(/^sha256=/);
    });

    const forged: Array<[string, string | null]> = [
      ['missing', null],
      ['signed with another secret', signMetaBody(loadFixture('meta-text.json'), 'other-secret')],
      ['of the wrong length', 'sha256=abc123'],
      ['not hex', 'sha256=' + 'z'.repeat(64)],
      ['without the sha256= prefix', signMetaBody(loadFixture('meta-text.json'), META_APP_SECRET).slice(7)],
    ];
    for (const [what, signature] of forged) {
      it(`refuses a signature ${what} with 401 and stores nothing`, async () => {
        const res = await h.postMeta(loadFixture('meta-text.json'), signature).expect(401);
        expect(res.body.code).to.equal('INVALID_SIGNATURE');
        expect(await storedEvents()).to.have.length(0);
      });
    }

    it('refuses a body that was re-serialised after signing', async () => {
      const raw = loadFixture('meta-reaction.json');
      const reserialised = JSON.stringify(JSON.parse(raw.toString('utf8')));
      await h.postMeta(reserialised, signMetaBody(raw, META_APP_SECRET)).expect(401);
    });
  });

  describe('malformed and oversize bodies', () => {
    it('answers 400 with a JSON error for a signed body that is not JSON', async () => {
      const res = await h.postMeta('{"object":').expect(400);
      expect(res.body.code).to.equal('MALFORMED_BODY');
      expect(await storedEvents()).to.have.length(0);
    });

    it('answers 400 naming the field for a signed body that is not a WhatsApp delivery', async () => {
      const page = await h.postMeta(JSON.stringify({ object: 'page', entry: [] })).expect(400);
      expect(page.body.code).to.equal('MALFORMED_DELIVERY');
      expect(page.body.fields[0].field).to.equal('object');
      const noEntries = await h.postMeta(JSON.stringify({ object: 'whatsapp_business_account' })).expect(400);
      expect(noEntries.body.fields[0].field).to.equal('entry');
      expect(await storedEvents()).to.have.length(0);
    });

    it('answers 413 for a body over 1 MB', async () => {
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [],
        pad: 'x'.repeat(1_100_000),
      });
      const res = await h.postMeta(body).expect(413);
      expect(res.body.code).to.equal('PAYLOAD_TOO_LARGE');
      expect(await storedEvents()).to.have.length(0);
    });
  });

  describe('security headers', () => {
    it('sends helmet’s headers on every webhook answer: verification, acknowledgement, refusal', async () => {
      const answers = [
        await h.http.get('/api/whatsapp/webhook').query({
          'hub.mode': 'subscribe',
          'hub.verify_token': 'fixture-verify-token',
          'hub.challenge': '1',
        }),
        await h.postFixture('meta-text.json'),
        await h.postMeta('{}', 'sha256=00'),
        await h.http.post('/api/whatsapp/webhook/twilio').type('form').send('Body=x'),
      ];
      for (const res of answers) {
        expect(res.headers, `${res.status}`).to.include({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': 'max-age=31536000; includeSubDomains',
        });
        expect(res.headers['content-security-policy']).to.include("default-src 'self'");
      }
    });
  });

  describe('duplicates', () => {
    it('stores a redelivered delivery once', async () => {
      await h.postFixture('meta-image.json').expect(200);
      const again = await h.postFixture('meta-image.json').expect(200);
      expect(again.body.duplicate).to.equal(true);
      expect(await storedEvents()).to.have.length(1);
    });

    it('stores 20 concurrent identical deliveries once, answering each with 200', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => h.postFixture('meta-batch-mixed.json')),
      );
      expect(responses.map((r) => r.status)).to.deep.equal(Array(20).fill(200));
      expect(responses.filter((r) => r.body.duplicate === false)).to.have.length(1);
      expect(await storedEvents()).to.have.length(1);
    });
  });

  describe('database unavailable', () => {
    it('answers 503 and never 200 when the delivery cannot be written', async () => {
      const db = await openDatabase({ url: 'postgres://postgres@127.0.0.1:1/unreachable_test', poolMax: 1 });
      const config = testConfig({ PUBLIC_BASE_URL });
      const container = createContainer({
        config,
        logger: createLogger('silent'),
        clock: new TestClock(),
        db,
        encryptionKey: TEST_ENCRYPTION_KEY,
      });
      // The directory is served from memory; seed it from the working database.
      const { TYPES } = await import('../../../src/types');
      const directory = container.get<TenantDirectory>(TYPES.TenantDirectory);
      Object.assign(directory, {
        current: await h.container.get<TenantDirectory>(TYPES.TenantDirectory).snapshot(),
        loadedAt: Date.now() + 3_600_000,
      });
      const raw = loadFixture('meta-text.json');
      const res = await request(createApp(container))
        .post('/api/whatsapp/webhook')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', signMetaBody(raw, META_APP_SECRET))
        .send(raw.toString('utf8'))
        .expect(503);
      expect(res.body.code).to.equal('UNAVAILABLE');
      expect(res.headers['retry-after']).to.equal('5');
      await db.close();
    });
  });

  describe('Twilio', () => {
    const path = '/api/whatsapp/webhook/twilio';
    const post = (form: string, signature: string) =>
      h.http
        .post(path)
        .set('content-type', 'application/x-www-form-urlencoded')
        .set('x-twilio-signature', signature)
        .send(form);
    const paramsOf = (form: string) => Object.fromEntries(new URLSearchParams(form));

    it('accepts a delivery signed by the official twilio signer for our public URL', async () => {
      const form = loadFixture('twilio-inbound.form').toString('utf8');
      const signature = twilio.getExpectedTwilioSignature(
        TWILIO_AUTH_TOKEN,
        PUBLIC_BASE_URL + path,
        paramsOf(form),
      );
      const res = await post(form, signature).expect(200);
      expect(res.text).to.equal('<Response/>');
      const [event] = await storedEvents();
      expect(event.provider).to.equal('twilio');
      expect(event.tenant_id).to.equal(h.tenantId);
      expect(event.payload.MessageSid).to.match(/^SM/);
    });

    it('refuses a tampered parameter with 401', async () => {
      const form = loadFixture('twilio-inbound.form').toString('utf8');
      const signature = twilio.getExpectedTwilioSignature(
        TWILIO_AUTH_TOKEN,
        PUBLIC_BASE_URL + path,
        paramsOf(form),
      );
      await post(form.replace('Body=Hola', 'Body=Hole'), signature).expect(401);
      expect(await storedEvents()).to.have.length(0);
    });

    it('refuses a signature made for another URL', async () => {
      const form = loadFixture('twilio-status.form').toString('utf8');
      const signature = twilio.getExpectedTwilioSignature(
        TWILIO_AUTH_TOKEN,
        'https://elsewhere.example.com' + path,
        paramsOf(form),
      );
      await post(form, signature).expect(401);
    });
  });
});
