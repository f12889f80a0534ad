import { expect } from 'chai';
import { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import { TYPES } from '../../../src/types';
import { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import type { BackgroundWorker } from '../../../src/workers';
import { graphError, httpStatus, tooManyRequests } from '../../support/fakeFailures';
import { FakeProviderServer, sendJson } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, waitFor, type DispatcherKit } from './dispatcherKit';
import { auditActions, CUSTOMER, customerWrote, message, OTHER_CUSTOMER } from './outboundKit';

const HOUR = 3_600_000;

describe('OutboundDispatcher against the Meta adapter and a local Graph API', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake);
    for (const phone of [CUSTOMER, OTHER_CUSTOMER])
      await customerWrote(kit.tenantId, phone, new Date(kit.clock.now().getTime() - HOUR));
  });
  afterEach(() => fake.close());

  it('sends a queued reply and stores sent, the provider id, sent_at and the history', async () => {
    const id = await kit.queue({ text: 'Your lead is LD-1' });
    expect(await kit.dispatcher.drain()).to.equal(1);
    expect(fake.outbound.sent).to.have.length(1);
    const [sent] = fake.outbound.sent;
    expect(sent.body).to.deep.include({ to: CUSTOMER, type: 'text' });
    const row = await message(id);
    expect(row).to.include({ status: 'sent', provider_message_id: sent.providerMessageId, attempts: 1 });
    expect(new Date(row.sent_at as Date)).to.deep.equal(kit.clock.now());
    expect(row.status_history.map((h) => h.status)).to.deep.equal(['sent']);
  });

  it('retries two transient failures with backoff: three attempts, one accepted send', async () => {
    fake.outbound.failNext('send', httpStatus(503)).failNext('send', graphError(131000));
    const id = await kit.queue({ text: 'hello' });
    await kit.dispatcher.drain();
    const first = await message(id);
    expect(first).to.include({ status: 'queued', attempts: 1, error_code: 'http_503' });
    expect(new Date(first.available_at).getTime() - kit.clock.now().getTime()).to.equal(1_000);
    expect(await kit.dispatcher.drain()).to.equal(0);
    kit.clock.advance(1_000);
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'queued', attempts: 2, error_code: '131000' });
    kit.clock.advance(2_000);
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'sent', attempts: 3, error_code: null });
    expect(fake.outbound.sent).to.have.length(1);
    expect(fake.requestsTo('/v25.0/')).to.have.length(3);
  });

  it('gives up after five attempts with the last provider code', async () => {
    fake.outbound.failNext('send', httpStatus(500), 5);
    const id = await kit.queue({ text: 'hello' });
    for (let i = 0; i < 5; i++) {
      await kit.dispatcher.drain();
      kit.clock.advance(5 * 60_000);
    }
    expect(await message(id)).to.include({ status: 'failed', attempts: 5, error_code: 'http_500' });
    expect(await kit.dispatcher.drain()).to.equal(0);
  });

  it('waits at least what Retry-After says', async () => {
    fake.outbound.failNext('send', tooManyRequests(30));
    const id = await kit.queue({ text: 'hello' });
    await kit.dispatcher.drain();
    const row = await message(id);
    expect(row.status).to.equal('queued');
    expect(new Date(row.available_at).getTime() - kit.clock.now().getTime()).to.equal(30_000);
  });

  it('fails a permanent failure (131047) at once, keeping the code and title', async () => {
    fake.outbound.failNext('send', graphError(131047));
    const id = await kit.queue({ text: 'hello' });
    await kit.dispatcher.drain();
    const row = await message(id);
    expect(row).to.include({ status: 'failed', attempts: 1, error_code: '131047' });
    expect(row.error_title).to.match(/Re-engagement/);
    kit.clock.advance(HOUR);
    expect(await kit.dispatcher.drain()).to.equal(0);
    expect(fake.requestsTo('/v25.0/')).to.have.length(1);
  });

  it('on an auth error (190) pauses the tenant, holds the queue, and a manager resume sends what was held', async () => {
    fake.outbound.failNext('send', graphError(190));
    const held = await kit.queue({ text: 'first' });
    await kit.dispatcher.drain();
    expect(await message(held)).to.include({ status: 'queued', error_code: '190' });
    const panic = kit.container.get(PanicMode);
    expect(await panic.status(kit.tenantId)).to.deep.include({ active: true, reason: 'auth' });
    expect(await auditActions(kit.tenantId)).to.deep.equal(['PANIC_MODE_ENTERED']);

    const later = await kit.queue({ to: OTHER_CUSTOMER, text: 'second' });
    expect(await kit.dispatcher.drain()).to.equal(0);
    expect(fake.outbound.sent).to.have.length(0);

    const actor = { tenantId: kit.tenantId, source: 'WEB' as const, userId: 'u-1' };
    let refused: unknown;
    await panic.resume({ ...actor, role: 'sales' }).catch((e: unknown) => (refused = e));
    expect(refused).to.have.property('code', 'PERMISSION_DENIED');
    expect(await panic.resume({ ...actor, role: 'manager' })).to.deep.equal({ active: false });
    expect(await kit.dispatcher.drain()).to.equal(2);
    expect(await message(held)).to.include({ status: 'sent' });
    expect(await message(later)).to.include({ status: 'sent' });
    expect(await auditActions(kit.tenantId)).to.deep.equal(['PANIC_MODE_ENTERED', 'PANIC_MODE_RESUMED']);
  });

  it('pauses a tenant whose sends fail over 30 % (of at least 20) and resumes after the cooldown', async () => {
    const phones = Array.from({ length: 20 }, (_, i) => `+54911555504${String(i).padStart(2, '0')}`);
    for (const phone of phones) await customerWrote(kit.tenantId, phone, kit.clock.now());
    for (const to of phones.slice(0, 13)) await kit.queue({ to, text: 'ok' });
    await kit.dispatcher.drain();
    fake.outbound.failNext('send', graphError(131026), 7);
    for (const to of phones.slice(13)) await kit.queue({ to, text: 'undeliverable' });
    await kit.dispatcher.drain();
    const panic = kit.container.get(PanicMode);
    const status = await panic.status(kit.tenantId);
    expect(status).to.deep.include({ active: true, reason: 'failure_rate' });
    expect(status.resumesAt).to.deep.equal(new Date(kit.clock.now().getTime() + HOUR));

    const waiting = await kit.queue({ text: 'after the failures' });
    expect(await kit.dispatcher.drain()).to.equal(0);
    kit.clock.advance(HOUR);
    expect(await panic.autoResume()).to.deep.equal([kit.tenantId]);
    expect(await kit.dispatcher.drain()).to.equal(1);
    expect(await message(waiting)).to.include({ status: 'sent' });
    expect(await auditActions(kit.tenantId)).to.deep.equal(['PANIC_MODE_ENTERED', 'PANIC_MODE_AUTO_RESUMED']);
  });

  it('applies the statuses that arrived before the send was committed', async () => {
    const statuses = kit.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate);
    fake.route('POST', '/:version/:phoneNumberId/messages', async (_req, res) => {
      const wamid = 'wamid.HBgNNTQ5MTE1NTU1MDIwMRUCABEYEjAwQUJDRA==';
      await testDb().run(() =>
        statuses.execute(kit.tenantId, {
          kind: 'status',
          route: {},
          providerMessageId: wamid,
          status: 'delivered',
          timestamp: kit.clock.now(),
          raw: {},
        }),
      );
      sendJson(res, 200, { messaging_product: 'whatsapp', messages: [{ id: wamid }] });
    });
    const id = await kit.queue({ text: 'quick' });
    await kit.dispatcher.drain();
    const row = await message(id);
    expect(row.status).to.equal('delivered');
    expect(row.status_history.map((h) => h.status)).to.deep.equal(['sent', 'delivered']);
  });

  it('runs as a background worker: woken by the queue, stopped gracefully', async () => {
    const workers = kit.container.getAll<BackgroundWorker>(TYPES.BackgroundWorkers);
    expect(workers).to.include(kit.dispatcher);
    kit.dispatcher.start();
    try {
      const id = await kit.queue({ text: 'live' });
      await waitFor(async () => (await message(id)).status === 'sent');
    } finally {
      await kit.dispatcher.stop();
    }
  });
});
