import { expect } from 'chai';
import type { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import type { DeliveryStatus } from '../../../src/shared/channel/InboundEvent';
import { TYPES } from '../../../src/types';
import { StuckSweeper } from '../../../src/whatsapp/outbound/dispatch/StuckSweeper';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import { CUSTOMER, customerWrote, message } from './outboundKit';

const knex = () => testDb().knex;
const nothing = { unconfirmed: 0, confirmed: 0, requeued: 0, failed: 0 };

/** The provider accepts the send; the process "dies" before the outcome is recorded. */
async function sendAndLoseTheOutcome(kit: DispatcherKit, text: string): Promise<string> {
  const id = await kit.queue({ text });
  await knex().raw(`CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'the process died'; END $$`);
  await knex().raw(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON whatsapp_messages
    FOR EACH ROW WHEN (NEW.status = 'sent') EXECUTE FUNCTION refuse_sent()`);
  try {
    await kit.dispatcher.drain();
  } finally {
    await knex().raw('DROP TRIGGER refuse_sent ON whatsapp_messages');
    await knex().raw('DROP FUNCTION refuse_sent()');
  }
  expect(await message(id)).to.include({ status: 'sending', provider_message_id: null });
  return id;
}

describe('effectively once: a send whose outcome was lost waits for a status naming it', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;
  let sweeper: StuckSweeper;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake, { WHATSAPP_RECONCILE_SECONDS: '30' });
    sweeper = kit.container.get(StuckSweeper);
    await customerWrote(kit.tenantId, CUSTOMER, kit.clock.now());
  });
  afterEach(() => fake.close());

  const statusNaming = (messageId: string, status: DeliveryStatus, providerMessageId: string) =>
    testDb().run(() =>
      kit.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate).execute(kit.tenantId, {
        kind: 'status',
        route: {},
        providerMessageId,
        messageId,
        status,
        timestamp: kit.clock.now(),
        raw: {},
      }),
    );
  const pendingAttempts = async (id: string) =>
    (await knex()('whatsapp_send_attempts').where({ message_id: id }).select('outcome')).map(
      (a: { outcome: string }) => a.outcome,
    );

  it('puts our message id in every Cloud API send (biz_opaque_callback_data)', async () => {
    const id = await kit.queue({ text: 'hello' });
    await kit.dispatcher.drain();
    expect(fake.outbound.sent[0].body).to.include({ biz_opaque_callback_data: id });
  });

  it('records the send as sent when a status names it within the window, and never sends it again', async () => {
    const id = await sendAndLoseTheOutcome(kit, 'accepted, outcome lost');
    const [accepted] = fake.outbound.sent;
    kit.clock.advance(60_001);
    expect(await sweeper.run()).to.deep.equal({ ...nothing, unconfirmed: 1 });
    expect(await message(id)).to.include({ status: 'unconfirmed' });
    expect(await kit.dispatcher.drain()).to.equal(0);

    kit.clock.advance(20_000);
    expect(await statusNaming(id, 'delivered', accepted.providerMessageId)).to.equal('applied');
    const row = await message(id);
    expect(row).to.include({ status: 'delivered', provider_message_id: accepted.providerMessageId });
    expect(row.status_history.map((h) => h.status)).to.deep.equal(['sent', 'delivered']);
    expect(await pendingAttempts(id)).to.deep.equal(['sent']);

    kit.clock.advance(60_000);
    expect(await sweeper.run()).to.deep.equal(nothing);
    expect(await kit.dispatcher.drain()).to.equal(0);
    expect(fake.outbound.sent).to.have.length(1);
  });

  it('confirms it at the sweep from a status that arrived while it was still sending (parked)', async () => {
    const id = await sendAndLoseTheOutcome(kit, 'status before the sweep');
    const [accepted] = fake.outbound.sent;
    expect(await statusNaming(id, 'sent', accepted.providerMessageId)).to.equal('parked');
    expect(await statusNaming(id, 'read', accepted.providerMessageId)).to.equal('parked');
    kit.clock.advance(60_001);
    expect(await sweeper.run()).to.deep.equal({ ...nothing, confirmed: 1 });
    expect(await message(id)).to.include({ status: 'read', provider_message_id: accepted.providerMessageId });
    kit.clock.advance(600_000);
    await sweeper.run();
    expect(await kit.dispatcher.drain()).to.equal(0);
    expect(fake.outbound.sent).to.have.length(1);
  });

  it('sends it again, as a new attempt, only once WHATSAPP_RECONCILE_SECONDS pass without one', async () => {
    const id = await sendAndLoseTheOutcome(kit, 'never confirmed');
    kit.clock.advance(60_001);
    expect(await sweeper.run()).to.deep.equal({ ...nothing, unconfirmed: 1 });
    kit.clock.advance(29_000);
    expect(await sweeper.run()).to.deep.equal(nothing);
    kit.clock.advance(1_001);
    expect(await sweeper.run()).to.deep.equal({ ...nothing, requeued: 1 });
    await kit.dispatcher.drain();
    const row = await message(id);
    expect(row).to.include({
      status: 'sent',
      attempts: 2,
      provider_message_id: fake.outbound.sent[1].providerMessageId,
    });
    expect(fake.outbound.sent).to.have.length(2);
    // A late status of the first send names a message that went again: nothing changes.
    expect(await statusNaming(id, 'delivered', fake.outbound.sent[0].providerMessageId)).to.equal('parked');
    expect(await message(id)).to.include({ status: 'sent' });
  });

  it('ignores a status naming a message that is not waiting for an outcome', async () => {
    const id = await kit.queue({ text: 'sent normally' });
    await kit.dispatcher.drain();
    expect(await statusNaming(id, 'delivered', 'wamid.someone-elses')).to.equal('parked');
    expect(await message(id)).to.include({
      status: 'sent',
      provider_message_id: fake.outbound.sent[0].providerMessageId,
    });
  });
});
