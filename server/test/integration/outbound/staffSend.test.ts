import { expect } from 'chai';
import type { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import type { RetryMessage } from '../../../src/modules/message/application/RetryMessage';
import type { SendStaffMessage } from '../../../src/modules/message/application/SendStaffMessage';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import { TYPES } from '../../../src/types';
import { graphError } from '../../support/fakeFailures';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import {
  aTemplate,
  auditActions,
  CUSTOMER,
  customerWrote,
  message,
  optedOut,
  OTHER_CUSTOMER,
} from './outboundKit';

const HOUR = 3_600_000;

async function refusal(work: Promise<unknown>): Promise<{ name: string; code: string }> {
  try {
    await work;
  } catch (error) {
    return error as { name: string; code: string };
  }
  throw new Error('expected a refusal');
}

describe('staff sends: SendStaffMessage and RetryMessage', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;
  let send: SendStaffMessage;
  let retry: RetryMessage;
  let sales: Actor;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake);
    send = kit.container.get(TYPES.SendStaffMessage);
    retry = kit.container.get(TYPES.RetryMessage);
    sales = { tenantId: kit.tenantId, role: 'sales', userId: 'u-sales', source: 'WEB' };
    await customerWrote(kit.tenantId, CUSTOMER, new Date(kit.clock.now().getTime() - HOUR));
  });
  afterEach(() => fake.close());

  it('queues free text inside the window, and the dispatcher sends it', async () => {
    const queued = await send.execute(sales, { to: CUSTOMER, text: 'Your quote is ready' });
    expect(queued).to.deep.include({ to: CUSTOMER, type: 'text', status: 'queued' });
    await kit.dispatcher.drain();
    expect(await message(queued.id)).to.include({ status: 'sent' });
    expect(fake.outbound.sent[0].body).to.deep.include({ type: 'text' });
  });

  it('answers WINDOW_CLOSED (422) for free text outside the window, and queues nothing', async () => {
    const error = await refusal(send.execute(sales, { to: OTHER_CUSTOMER, text: 'hello?' }));
    expect(error).to.include({ name: 'BusinessRuleError', code: 'WINDOW_CLOSED' });
    expect(await kit.dispatcher.drain()).to.equal(0);
  });

  it('answers OPTED_OUT (409) for an opted-out customer', async () => {
    await optedOut(kit.tenantId, CUSTOMER);
    expect(await refusal(send.execute(sales, { to: CUSTOMER, text: 'hi' }))).to.include({
      name: 'ConflictError',
      code: 'OPTED_OUT',
    });
  });

  it('checks the template: not approved → TEMPLATE_NOT_APPROVED, wrong count → TEMPLATE_PARAMS, else queued', async () => {
    await aTemplate(kit.tenantId, 'quote_ready', 'Hi {{1}}, quote {{2}}: {{4}}, {{3}}.');
    await aTemplate(kit.tenantId, 'payment_reminder', 'Hi {{1}}', 'PENDING');
    const template = (name: string, params: string[]) => ({ to: OTHER_CUSTOMER, template: { name, params } });
    expect(await refusal(send.execute(sales, template('payment_reminder', ['Ana'])))).to.include({
      name: 'BusinessRuleError',
      code: 'TEMPLATE_NOT_APPROVED',
    });
    expect(await refusal(send.execute(sales, template('quote_ready', ['Ana'])))).to.include({
      code: 'TEMPLATE_PARAMS',
    });
    const queued = await send.execute(sales, template('quote_ready', ['Ana', 'QT-1', '$10', 'Glaciers']));
    await kit.dispatcher.drain();
    expect(await message(queued.id)).to.include({ status: 'sent' });
    expect(fake.outbound.sent[0].body).to.deep.include({ type: 'template' });
  });

  it('sends media by id, and refuses a field worker or a malformed request', async () => {
    const queued = await send.execute(sales, { to: CUSTOMER, media: { type: 'image', id: '1234567890' } });
    await kit.dispatcher.drain();
    expect(await message(queued.id)).to.include({ status: 'sent' });
    expect(fake.outbound.sent[0].body).to.deep.include({ type: 'image', image: { id: '1234567890' } });
    const guide: Actor = { ...sales, role: 'field_staff' };
    expect(await refusal(send.execute(guide, { to: CUSTOMER, text: 'hi' }))).to.include({
      code: 'PERMISSION_DENIED',
    });
    expect(
      await refusal(send.execute(sales, { to: CUSTOMER, text: 'a', media: { type: 'image', id: '1' } })),
    ).to.include({ code: 'VALIDATION_FAILED' });
    expect(await refusal(send.execute(sales, { to: 'not a phone', text: 'a' }))).to.include({
      code: 'VALIDATION_FAILED',
    });
  });

  it('retries a failed message as a new attempt with a new provider id; refuses one that did not fail', async () => {
    fake.outbound.failNext('send', graphError(131026));
    const queued = await send.execute(sales, { to: CUSTOMER, text: 'try me' });
    await kit.dispatcher.drain();
    expect(await message(queued.id)).to.include({ status: 'failed', error_code: '131026' });

    expect(await retry.execute(sales, queued.id)).to.deep.include({ id: queued.id, status: 'queued' });
    await kit.dispatcher.drain();
    const row = await message(queued.id);
    expect(row).to.include({
      status: 'sent',
      attempts: 1,
      provider_message_id: fake.outbound.sent[0].providerMessageId,
    });
    expect(row.status_history.map((h) => h.status)).to.deep.equal(['failed', 'queued', 'sent']);

    expect(await refusal(retry.execute(sales, queued.id))).to.include({
      name: 'ConflictError',
      code: 'NOT_FAILED',
    });
    expect(await refusal(retry.execute(sales, '00000000-0000-4000-8000-000000000000'))).to.include({
      code: 'NOT_FOUND',
    });
  });

  it('never reuses the provider id of a message that failed after the provider accepted it', async () => {
    const queued = await send.execute(sales, { to: CUSTOMER, text: 'accepted, then undeliverable' });
    await kit.dispatcher.drain();
    const first = (await message(queued.id)).provider_message_id as string;
    await testDb().run(() =>
      kit.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate).execute(kit.tenantId, {
        kind: 'status',
        route: {},
        providerMessageId: first,
        status: 'failed',
        timestamp: kit.clock.now(),
        errors: [{ code: '131026', title: 'Message undeliverable' }],
        raw: {},
      }),
    );
    expect(await message(queued.id)).to.include({ status: 'failed', error_code: '131026' });
    await retry.execute(sales, queued.id);
    await kit.dispatcher.drain();
    const row = await message(queued.id);
    expect(row.status).to.equal('sent');
    expect(row.provider_message_id).to.equal(fake.outbound.sent[1].providerMessageId).and.not.equal(first);
  });

  describe('audit', () => {
    const entries = () =>
      testDb()
        .knex('whatsapp_audit_logs')
        .where({ tenant_id: kit.tenantId })
        .orderBy('created_at')
        .select('actor', 'action', 'entity_type', 'entity_id', 'details');

    it('records MESSAGE_QUEUED with the message id and type, never the text', async () => {
      const queued = await send.execute(sales, { to: CUSTOMER, text: 'Your secret code is 4321' });
      const rows = await entries();
      expect(rows).to.deep.equal([
        {
          actor: 'u-sales',
          action: 'MESSAGE_QUEUED',
          entity_type: 'message',
          entity_id: queued.id,
          details: { type: 'text' },
        },
      ]);
      expect(JSON.stringify(rows)).not.to.include('4321').and.not.include(CUSTOMER);
    });

    it('records MESSAGE_RETRIED when a failed message is queued again', async () => {
      fake.outbound.failNext('send', graphError(131026));
      const queued = await send.execute(sales, { to: CUSTOMER, media: { type: 'image', id: '1234567890' } });
      await kit.dispatcher.drain();
      await retry.execute(sales, queued.id);
      const rows = await entries();
      expect(rows.map((r) => r.action)).to.deep.equal(['MESSAGE_QUEUED', 'MESSAGE_RETRIED']);
      expect(rows[1]).to.deep.include({ entity_id: queued.id, details: { type: 'image' }, actor: 'u-sales' });
    });

    it('records nothing for a refused send or retry', async () => {
      await refusal(send.execute(sales, { to: OTHER_CUSTOMER, text: 'outside the window' }));
      await refusal(send.execute({ ...sales, role: 'field_staff' }, { to: CUSTOMER, text: 'hi' }));
      const sent = await send.execute(sales, { to: CUSTOMER, text: 'hi' });
      await kit.dispatcher.drain();
      await refusal(retry.execute(sales, sent.id));
      expect(await auditActions(kit.tenantId)).to.deep.equal(['MESSAGE_QUEUED']);
    });

    it('commits the audit entry with the queued message, or neither', async () => {
      const crash = new Error('crash after queueing');
      const outcome = await testDb()
        .run(async () => {
          await send.execute(sales, { to: CUSTOMER, text: 'lost with its transaction' });
          throw crash;
        })
        .catch((error: unknown) => error);
      expect(outcome).to.equal(crash);
      expect(await testDb().knex('whatsapp_messages').where({ tenant_id: kit.tenantId })).to.have.length(0);
      expect(await auditActions(kit.tenantId)).to.deep.equal([]);
    });
  });
});
