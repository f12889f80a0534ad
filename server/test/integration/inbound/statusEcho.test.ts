import crypto from 'node:crypto';
import { expect } from 'chai';
import twilio from 'twilio';
import { loadFixture, TWILIO_AUTH_TOKEN } from '../../support/fixtures';
import { inboundHarness, PUBLIC_BASE_URL, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';

const knex = () => testDb().knex;

/** An outbound message whose send was handed to the provider but whose outcome was lost. */
async function lostSend(tenantId: string): Promise<string> {
  const id = crypto.randomUUID();
  await knex()('whatsapp_messages').insert({
    id,
    tenant_id: tenantId,
    direction: 'OUTBOUND',
    type: 'text',
    customer_phone: '+15551234567',
    content: JSON.stringify({ purpose: 'reply', text: 'Your lead is LD-7' }),
    status: 'unconfirmed',
    attempts: 1,
    available_at: new Date('2026-09-10T04:02:00Z'),
  });
  await knex()('whatsapp_send_attempts').insert({
    tenant_id: tenantId,
    message_id: id,
    recipient: '+15551234567',
    attempted_at: new Date('2026-09-10T03:59:00Z'),
  });
  return id;
}

describe('status webhooks naming our message id confirm a lost send', () => {
  let h: InboundHarness;
  beforeEach(async () => {
    h = await inboundHarness();
  });

  it('Meta: reads biz_opaque_callback_data from the status and records the provider id', async () => {
    const id = await lostSend(h.tenantId);
    const delivery = JSON.parse(loadFixture('meta-status-sent.json').toString('utf8'));
    const status = delivery.entry[0].changes[0].value.statuses[0];
    status.biz_opaque_callback_data = id;
    await h.postMeta(JSON.stringify(delivery)).expect(200);
    await h.processor.drain();
    const row = await knex()('whatsapp_messages').where({ id }).first();
    expect(row).to.include({ status: 'sent', provider_message_id: status.id });
    const attempts = await knex()('whatsapp_send_attempts').where({ message_id: id });
    expect(attempts.map((a: { outcome: string }) => a.outcome)).to.deep.equal(['sent']);
  });

  describe('Twilio', () => {
    const path = '/api/whatsapp/webhook/twilio';
    const post = (url: string, params: Record<string, string>) =>
      h.http
        .post(url)
        .set('content-type', 'application/x-www-form-urlencoded')
        .set(
          'x-twilio-signature',
          twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, PUBLIC_BASE_URL + url, params),
        )
        .send(new URLSearchParams(params).toString())
        .expect(200);
    const callback = () =>
      Object.fromEntries(new URLSearchParams(loadFixture('twilio-status.form').toString('utf8')));

    it('reads our id from the StatusCallback URL the callback was posted to', async () => {
      const id = await lostSend(h.tenantId);
      const params = callback();
      await post(`${path}?messageId=${id}`, params);
      await h.processor.drain();
      const row = await knex()('whatsapp_messages').where({ id }).first();
      expect(row).to.include({ status: 'delivered', provider_message_id: params.MessageSid });
    });

    it('takes no id from the form itself, only from the signed URL', async () => {
      const id = await lostSend(h.tenantId);
      await post(path, { ...callback(), WaOpsMessageId: id });
      await h.processor.drain();
      expect(await knex()('whatsapp_messages').where({ id }).first()).to.include({
        status: 'unconfirmed',
        provider_message_id: null,
      });
    });
  });
});
