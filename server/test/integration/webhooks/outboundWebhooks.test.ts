import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { Webhook } from 'standardwebhooks';
import type { EventLog } from '../../../src/modules/events/domain/EventLog';
import type { WebhookDeliveryWorker } from '../../../src/modules/webhook/application/WebhookDeliveryWorker';
import { TYPES } from '../../../src/types';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

/** The integrator's endpoint: records each request; answers `status()` (200 unless told otherwise). */
async function aReceiver() {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let answer = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answer).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answerWith: (status: number) => (answer = status),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('outbound webhooks (Standard Webhooks)', () => {
  const lead = (tenantId: string, ref: string) => ({
    tenantId,
    type: 'lead.created' as const,
    data: { ref },
  });
  let receiver: Awaited<ReturnType<typeof aReceiver>>;
  beforeEach(async () => (receiver = await aReceiver()));
  afterEach(() => receiver.close());

  async function subscribed(events = ['lead.created', 'incident.created']) {
    const context = testContainer({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    context.clock.set(new Date());
    const api = new ApiClient(context);
    const manager = await staff('manager');
    const created = await api.post('/webhook-subscriptions', {
      key: manager.key,
      body: { url: receiver.url, events },
    });
    expect(created.status).to.equal(201);
    const { container } = context;
    return {
      ...context,
      api,
      manager,
      subscription: created.body as { id: string; secret: string },
      log: container.get<EventLog>(TYPES.EventLog),
      worker: container.get<WebhookDeliveryWorker>(TYPES.WebhookDeliveryWorker),
    };
  }

  it('delivers subscribed events in order, signed so that the standardwebhooks library verifies them', async () => {
    const { subscription, log, worker, manager, api } = await subscribed();
    expect(subscription.secret).to.match(/^whsec_/);
    const tenantId = manager.tenant.id;
    await log.append([
      lead(tenantId, 'LD-1'),
      { tenantId, type: 'panic.changed', data: {} },
      lead(tenantId, 'LD-2'),
    ]);
    expect(await worker.runOnce()).to.equal(2);
    const verifier = new Webhook(subscription.secret);
    const bodies = receiver.received.map(({ headers, body }) =>
      verifier.verify(body, headers as Record<string, string>),
    ) as Array<{ id: string; type: string; data: { ref: string } }>;
    expect(bodies.map((b) => [b.id, b.type, b.data.ref])).to.deep.equal([
      ['1', 'lead.created', 'LD-1'],
      ['3', 'lead.created', 'LD-2'],
    ]);
    const tampered = { ...receiver.received[0], body: receiver.received[0].body.replace('LD-1', 'LD-9') };
    expect(() => verifier.verify(tampered.body, tampered.headers as Record<string, string>)).to.throw();
    const deliveries = await api.get(`/webhook-subscriptions/${subscription.id}/deliveries`, {
      key: manager.key,
    });
    expect(deliveries.body.data.map((d: { status: string }) => d.status)).to.deep.equal([
      'delivered',
      'delivered',
    ]);
    // Both rows were made in one transaction (same created_at): find the first event's by its id.
    const first = deliveries.body.data.find((d: { eventId: string }) => d.eventId === '1');
    expect(first.id).to.equal(receiver.received[0].headers['webhook-id']);
  });

  it('unsubscribes once (204, audited, then 404); nothing more is delivered, and another tenant cannot', async () => {
    const { subscription, log, worker, manager, api } = await subscribed();
    const other = await staff('manager');
    const path = `/webhook-subscriptions/${subscription.id}`;
    expect((await api.delete(path, { key: other.key })).status).to.equal(404);
    expect((await api.delete(path, { key: manager.key })).status).to.equal(204);
    expect((await api.delete(path, { key: manager.key })).status).to.equal(404);
    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: manager.tenant.id, action: 'WEBHOOK_SUBSCRIPTION_DELETED' });
    expect(audit.map((a: { entity_id: string }) => a.entity_id)).to.deep.equal([subscription.id]);
    await log.append([lead(manager.tenant.id, 'LD-1')]);
    expect(await worker.runOnce()).to.equal(0);
    expect(receiver.received).to.have.length(0);
  });

  it('turns a subscription off and back on (PATCH): nothing meanwhile, then what happens next, same secret', async () => {
    const { subscription, log, worker, manager, api } = await subscribed();
    const tenantId = manager.tenant.id;
    const path = `/webhook-subscriptions/${subscription.id}`;
    await log.append([lead(tenantId, 'LD-1')]);
    receiver.answerWith(500);
    expect(await worker.runOnce()).to.equal(1);
    const off = await api.patch(path, { key: manager.key, body: { status: 'disabled' } });
    expect(off.body).to.include({ status: 'disabled', disabledReason: 'disabled by a manager' });
    const deliveries = async () =>
      (await api.get(`${path}/deliveries`, { key: manager.key })).body.data.map(
        (d: { status: string; eventId: string }) => [d.eventId, d.status],
      );
    expect(await deliveries()).to.deep.equal([['1', 'failed']]);
    await log.append([lead(tenantId, 'LD-2')]);
    receiver.answerWith(200);
    expect(await worker.runOnce()).to.equal(0);
    const on = await api.patch(path, {
      key: manager.key,
      body: { status: 'active', events: ['lead.created', 'lead.created', 'incident.created'] },
    });
    expect(on.body).to.include({ status: 'active', failingSince: null, disabledAt: null });
    expect(on.body.events).to.deep.equal(['lead.created', 'incident.created']);
    await log.append([lead(tenantId, 'LD-3')]);
    expect(await worker.runOnce()).to.equal(1);
    const last = receiver.received.at(-1)!;
    const body = new Webhook(subscription.secret).verify(last.body, last.headers as Record<string, string>);
    expect((body as { data: { ref: string } }).data.ref).to.equal('LD-3');
    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenantId, action: 'WEBHOOK_SUBSCRIPTION_UPDATED' })
      .orderBy('created_at');
    expect(audit.map((a: { details: Record<string, unknown> }) => a.details.status)).to.deep.equal([
      'disabled',
      'active',
    ]);
    const bad = await api.patch(path, { key: manager.key, body: { url: 'ftp://hooks.example.com/x' } });
    expect([bad.status, bad.body.fields?.[0]?.field]).to.deep.equal([400, 'url']);
    const empty = await api.patch(path, { key: manager.key, body: {} });
    expect(empty.status).to.equal(400);
    const other = await staff('manager');
    expect((await api.patch(path, { key: other.key, body: { status: 'active' } })).status).to.equal(404);
  });

  it('retries a failed event with backoff, the same webhook-id, and nothing after it until it goes', async () => {
    const { log, worker, manager, clock } = await subscribed();
    await log.append([lead(manager.tenant.id, 'LD-1'), lead(manager.tenant.id, 'LD-2')]);
    receiver.answerWith(500);
    expect(await worker.runOnce()).to.equal(1);
    expect(await worker.runOnce()).to.equal(0); // not due yet
    receiver.answerWith(200);
    clock.advance(10_000);
    expect(await worker.runOnce()).to.equal(2);
    const ids = receiver.received.map((r) => JSON.parse(r.body).data.ref);
    expect(ids).to.deep.equal(['LD-1', 'LD-1', 'LD-2']);
    expect(receiver.received[0].headers['webhook-id']).to.equal(receiver.received[1].headers['webhook-id']);
  });

  it('gives an event up after 24 hours, and disables a subscription failing for 3 days, alerting managers', async () => {
    const { log, worker, manager, clock, subscription } = await subscribed();
    const tenantId = manager.tenant.id;
    await log.append([lead(tenantId, 'LD-1'), lead(tenantId, 'LD-2')]);
    receiver.answerWith(503);
    await worker.runOnce();
    clock.advance(24 * 3600_000);
    await worker.runOnce(); // LD-1 given up; LD-2 tried (and failed)
    expect(receiver.received.map((r) => JSON.parse(r.body).data.ref)).to.deep.equal(['LD-1', 'LD-1', 'LD-2']);
    clock.advance(48 * 3600_000);
    await worker.runOnce();
    const row = await testDb().knex('webhook_subscriptions').where({ id: subscription.id }).first();
    expect(row).to.include({ status: 'disabled' });
    const alert = await testDb()
      .knex('whatsapp_messages')
      .where({ tenant_id: tenantId, customer_phone: manager.user.phone, direction: 'OUTBOUND' })
      .first();
    expect(alert.content.text).to.include('disabled');
    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ action: 'WEBHOOK_SUBSCRIPTION_DISABLED' });
    expect(audit).to.have.length(1);
    await log.append([lead(tenantId, 'LD-3')]);
    clock.advance(3600_000);
    const before = receiver.received.length;
    await worker.runOnce();
    expect(receiver.received).to.have.length(before);
  });

  it('refuses loopback, private and link-local targets unless WEBHOOK_ALLOW_PRIVATE_TARGETS=true', async () => {
    const api = new ApiClient(testContainer());
    const { key } = await staff('manager');
    for (const url of [
      receiver.url,
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest',
      'http://[::1]:8080/',
    ]) {
      const res = await api.post('/webhook-subscriptions', { key, body: { url, events: ['lead.created'] } });
      expect(res.status, url).to.equal(400);
      expect(res.body.fields?.[0]?.field ?? res.body.detail).to.satisfy((f: string) => f.includes('url'));
    }
    const sales = await staff('sales');
    const refused = await api.post('/webhook-subscriptions', {
      key: sales.key,
      body: { url: 'https://example.com/x', events: ['lead.created'] },
    });
    expect(refused.status).to.equal(403);
    expect(receiver.received).to.have.length(0);
  });

  it('refuses at delivery time too: a target allowed when subscribed gets nothing once private targets are not', async () => {
    const { log, manager, container } = await subscribed();
    await log.append([lead(manager.tenant.id, 'LD-1')]);
    const strict = testContainer(); // WEBHOOK_ALLOW_PRIVATE_TARGETS unset
    strict.clock.set(container.get<{ now(): Date }>(TYPES.Clock).now());
    await strict.container.get<WebhookDeliveryWorker>(TYPES.WebhookDeliveryWorker).runOnce();
    expect(receiver.received).to.have.length(0);
    const delivery = await testDb().knex('webhook_deliveries').first();
    expect(delivery.error).to.match(/target refused: .*loopback/);
  });
});
