import { expect } from 'chai';
import { inboundHarness, FIXTURE_PHONE_NUMBER_ID, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { RecordingRouter } from '../../support/RecordingRouter';

const knex = () => testDb().knex;
const BSUID = 'US.13491208655302741918';

const change = (value: Record<string, unknown>) => ({
  field: 'messages',
  value: {
    messaging_product: 'whatsapp',
    metadata: { display_phone_number: '15550100199', phone_number_id: FIXTURE_PHONE_NUMBER_ID },
    ...value,
  },
});
const text = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  timestamp: '1789012345',
  type: 'text',
  text: { body: `hello from ${id}` },
  ...extra,
});
const deliveryOf = (...changes: unknown[]) =>
  JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '102938475610293', changes }] });

/**
 * One message that cannot be attributed no longer refuses the whole delivery (Meta would retry
 * it, and every message and status in it, for days): it is noted on the event, the rest processed.
 */
describe('deliveries with parts that cannot be read', () => {
  let h: InboundHarness;
  beforeEach(async () => {
    h = await inboundHarness({}, new RecordingRouter());
  });

  it('takes the sender from the change’s only contact when the message names none', async () => {
    const body = deliveryOf(
      change({
        contacts: [{ user_id: BSUID, profile: { name: 'Ana', username: 'ana.travels' } }],
        messages: [text('wamid.username-only')],
      }),
    );
    await h.postMeta(body).expect(200);
    await h.processor.drain();

    const [message] = await knex()('whatsapp_messages').where({ direction: 'INBOUND' });
    expect(message).to.include({ provider_message_id: 'wamid.username-only', customer_phone: BSUID });
    const event = await knex()('whatsapp_webhook_events').first();
    expect(event).to.include({ error: null });
  });

  it('stores the delivery, processes every other message and status, and notes the one it could not attribute', async () => {
    await knex()('whatsapp_messages').insert({
      tenant_id: h.tenantId,
      provider_message_id: 'wamid.ours',
      direction: 'OUTBOUND',
      type: 'text',
      status: 'sent',
      customer_phone: '+5491155550101',
    });
    const body = deliveryOf(
      change({
        contacts: [{ wa_id: '5491155550101' }, { wa_id: '5491155550102' }],
        messages: [
          text('wamid.anonymous'),
          text('wamid.first', { from: '5491155550101' }),
          { from: '5491155550102', type: 'text' },
        ],
        statuses: [
          { id: 'wamid.ours', status: 'delivered', timestamp: '1789012346', recipient_id: '5491155550101' },
        ],
      }),
      change({ messages: [text('wamid.second', { from: '5491155550102' })] }),
    );
    const res = await h.postMeta(body).expect(200);
    expect(res.body).to.include({ received: true });
    await h.processor.drain();

    const inbound = await knex()('whatsapp_messages')
      .where({ direction: 'INBOUND' })
      .orderBy('provider_message_id');
    expect(inbound.map((m) => m.provider_message_id)).to.deep.equal(['wamid.first', 'wamid.second']);
    const ours = await knex()('whatsapp_messages').where({ provider_message_id: 'wamid.ours' }).first();
    expect(ours.status).to.equal('delivered');
    const event = await knex()('whatsapp_webhook_events').first();
    expect(event.processed_at).to.be.instanceOf(Date);
    expect(event.error).to.equal(
      'unreadable: entry[0].changes[0].value.messages[0].from and from_user_id are both missing, and no single contact names the sender, entry[0].changes[0].value.messages[2].id must be a non-empty string',
    );
  });
});
