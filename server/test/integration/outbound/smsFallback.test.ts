import { expect } from 'chai';
import type { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import type { SmsFallbackSettings } from '../../../src/modules/smsfallback/domain/SmsFallback';
import { TYPES } from '../../../src/types';
import { graphError, twilioError } from '../../support/fakeFailures';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import {
  aTemplate,
  CUSTOMER,
  customerWrote,
  message,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
} from './outboundKit';

const SMS_NUMBER = '+14155550123';
/** The installation's own Twilio account, for tenants without a Twilio connection. */
const ENV_SID = `AC${'e'.repeat(32)}`;
const ENV_TOKEN = 'installation-twilio-token';
const knex = () => testDb().knex;

async function smsRows(tenantId: string) {
  return knex()('whatsapp_messages').where({ tenant_id: tenantId, channel: 'sms' }).orderBy('created_at');
}

describe('SMS fallback for numbers not on WhatsApp (Meta 131026, Twilio 63003)', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;

  async function start(provider: 'meta' | 'twilio', enabled = true) {
    kit = await dispatcherKit(fake, { TWILIO_ACCOUNT_SID: ENV_SID, TWILIO_AUTH_TOKEN: ENV_TOKEN }, provider);
    await customerWrote(kit.tenantId, CUSTOMER, kit.clock.now());
    await kit.container
      .get<SmsFallbackSettings>(TYPES.SmsFallbackSettings)
      .save(kit.tenantId, { enabled, from: SMS_NUMBER }, 'test');
  }
  const smsSent = () =>
    fake.outbound.sent.filter((s) => s.provider === 'twilio' && !String(s.body.To).startsWith('whatsapp:'));

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.outbound.twilioAccounts.set(ENV_SID, ENV_TOKEN);
  });
  afterEach(() => fake.close());

  it('sends a reply Meta refused with 131026 by SMS from the tenant’s number, as a new sms row', async () => {
    await start('meta');
    fake.outbound.failNext('send', graphError(131026));
    const id = await kit.queue({ text: 'Your lead is LD-4; a rep will write shortly.' });
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'failed', error_code: '131026' });
    const [sms] = await smsRows(kit.tenantId);
    expect(sms).to.include({ type: 'text', customer_phone: CUSTOMER, priority: 'high' });
    expect(sms.content).to.deep.include({
      text: 'Your lead is LD-4; a rep will write shortly.',
      sms: { from: SMS_NUMBER },
      context: { fallbackFor: id },
    });
    await kit.dispatcher.drain();
    const [sent] = smsSent();
    expect(sent.account).to.equal(ENV_SID);
    expect(sent.body).to.include({
      From: SMS_NUMBER,
      To: CUSTOMER,
      Body: 'Your lead is LD-4; a rep will write shortly.',
    });
    expect(sent.body).not.to.have.property('StatusCallback');
    expect(await message(sms.id)).to.include({ status: 'sent', provider_message_id: sent.providerMessageId });
  });

  it('sends the template’s rendered body when the failure comes in a status webhook', async () => {
    await start('meta');
    await aTemplate(kit.tenantId, 'trip_update', 'Hi {{1}}, trip {{2}} leaves at {{3}}.');
    const id = await kit.queue({
      purpose: 'notification',
      template: { name: 'trip_update', params: ['Ana', 'TRP1', '7:30'] },
      to: CUSTOMER,
    });
    await knex()('whatsapp_conversations').where({ tenant_id: kit.tenantId }).delete();
    await kit.dispatcher.drain();
    const [accepted] = fake.outbound.sent;
    const failed = {
      kind: 'status' as const,
      route: {},
      providerMessageId: accepted.providerMessageId,
      status: 'failed' as const,
      timestamp: kit.clock.now(),
      errors: [{ code: '131026', title: 'Message undeliverable' }],
      raw: {},
    };
    const statuses = kit.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate);
    await testDb().run(() => statuses.execute(kit.tenantId, failed));
    // The same webhook delivered again changes nothing.
    await testDb().run(() => statuses.execute(kit.tenantId, failed));
    expect(await message(id)).to.include({ status: 'failed', error_code: '131026' });
    await kit.dispatcher.drain();
    expect(smsSent().map((s) => s.body.Body)).to.deep.equal(['Hi Ana, trip TRP1 leaves at 7:30.']);
    expect(await smsRows(kit.tenantId)).to.have.length(1);
  });

  it('uses the tenant’s Twilio connection for a Twilio number refused with 63003', async () => {
    await start('twilio');
    fake.outbound.failNext('send', twilioError(63003, { message: 'Invalid recipient for the channel' }));
    const id = await kit.queue({ text: 'Meeting point: hotel lobby at 7:30' });
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'failed', error_code: '63003' });
    await kit.dispatcher.drain();
    const [sent] = smsSent();
    expect(sent.account).to.equal(TWILIO_ACCOUNT_SID);
    expect(sent.body).to.include({
      From: SMS_NUMBER,
      To: CUSTOMER,
      Body: 'Meeting point: hotel lobby at 7:30',
    });
    expect(fake.outbound.twilioAccounts.get(TWILIO_ACCOUNT_SID)).to.equal(TWILIO_AUTH_TOKEN);
  });

  it('sends nothing by SMS while the fallback is off, or for other failures', async () => {
    await start('meta', false);
    fake.outbound.failNext('send', graphError(131026));
    await kit.queue({ text: 'hello' });
    await kit.dispatcher.drain();
    await kit.container
      .get<SmsFallbackSettings>(TYPES.SmsFallbackSettings)
      .save(kit.tenantId, { enabled: true, from: SMS_NUMBER }, 'test');
    fake.outbound.failNext('send', graphError(131047));
    await kit.queue({ text: 'outside the window' });
    await kit.dispatcher.drain();
    expect(await smsRows(kit.tenantId)).to.have.length(0);
  });
});
