import { expect } from 'chai';
import { LimitReachedError } from '../../../src/shared/errors/AppError';
import type { OutboundQueue } from '../../../src/modules/message/domain/OutboundRequest';
import type { Metrics } from '../../../src/shared/metrics/Metrics';
import { TYPES } from '../../../src/types';
import { aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { anotherInstance, CUSTOMER, outboundKit, optedOut, type OutboundKit } from '../outbound/outboundKit';
import { alreadyUsed, counter, onPlan, outboundRows, usageEvents, usageResetJob } from './usageKit';

const MARCH = '2026-03-01'; // the TestClock starts on 2026-03-01T09:00Z
const customer = (i: number) => `+54911555${String(10_000 + i).slice(-5)}`;

describe('usage: the monthly messages limit', () => {
  let kit: OutboundKit;
  beforeEach(async () => {
    kit = await outboundKit();
    await onPlan(kit.tenantId, 'professional');
  });

  it('allows the 1,000th message and refuses the 1,001st under concurrent sends on two instances', async () => {
    await alreadyUsed(kit.tenantId, MARCH, 'messages', 990);
    const other = anotherInstance(kit);
    const sends = Array.from({ length: 24 }, (_, i) =>
      (i % 2 ? other : kit).queue({ purpose: 'manual', to: customer(i), text: `hello ${i}` }).then(
        () => 'queued',
        (err: unknown) => (err instanceof LimitReachedError ? 'refused' : Promise.reject(err)),
      ),
    );
    const outcomes = await Promise.all(sends);
    expect(outcomes.filter((o) => o === 'queued')).to.have.length(10);
    expect(outcomes.filter((o) => o === 'refused')).to.have.length(14);
    expect((await counter(kit.tenantId, MARCH))?.used).to.equal(1_000);
    const rows = await outboundRows(kit.tenantId);
    expect(rows).to.have.length(10);
    expect(rows.every((r) => r.status === 'queued' && r.usage_period !== null)).to.equal(true);
    const { body } = await kit.container.get<Metrics>(TYPES.Metrics).scrape();
    expect(body).to.include(`waops_usage{tenant="${kit.tenantId}",counter="messages"} 1000`);
  });

  it('refuses a staff send at the limit with LIMIT_REACHED naming the limit and the reset day', async () => {
    await alreadyUsed(kit.tenantId, MARCH, 'messages', 1_000);
    const err = await kit.queue({ purpose: 'manual', text: 'hi' }).catch((e: unknown) => e);
    expect(err).to.be.instanceOf(LimitReachedError);
    expect((err as LimitReachedError).details).to.deep.equal({
      counter: 'messages',
      limit: 1_000,
      resetsOn: '2026-04-01',
      resetsAt: '2026-04-01T00:00:00.000Z',
    });
    expect(await outboundRows(kit.tenantId)).to.deep.equal([]);
  });

  it('records an automatic reply past the limit as failed LIMIT_REACHED (audited), not queued', async () => {
    await alreadyUsed(kit.tenantId, MARCH, 'messages', 1_000);
    const id = await kit.queue({ purpose: 'reply', text: 'Your lead is LD-1' });
    const [row] = await outboundRows(kit.tenantId);
    expect(row).to.include({ id, status: 'failed', error_code: 'LIMIT_REACHED', usage_period: null });
    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: kit.tenantId, action: 'MESSAGE_LIMIT_REACHED' });
    expect(audit.map((a: { entity_id: string }) => a.entity_id)).to.deep.equal([id]);
    const events = await testDb().knex('events').where({ tenant_id: kit.tenantId, type: 'message.status' });
    expect(events.map((e: { data: Record<string, unknown> }) => e.data)).to.deep.include.members([
      {
        messageId: id,
        conversationId: null,
        to: CUSTOMER,
        status: 'failed',
        errorCode: 'LIMIT_REACHED',
        errorTitle: "The plan's limit of 1000 messages this month is reached",
      },
    ]);
  });

  it('gives the unit back when a message fails before any provider accepted it, and counts a retry again', async () => {
    await optedOut(kit.tenantId, CUSTOMER);
    const id = await kit.queue({ purpose: 'reply', text: 'Your lead is LD-1' });
    expect((await counter(kit.tenantId, MARCH))?.used).to.equal(1);
    await kit.claim();
    const [row] = await outboundRows(kit.tenantId);
    expect(row).to.include({ id, status: 'failed', error_code: 'OPTED_OUT', usage_period: null });
    expect((await counter(kit.tenantId, MARCH))?.used).to.equal(0);
    await testDb().knex('usage_counters').where({ tenant_id: kit.tenantId }).update({ used: 1_000 });
    const retry = testDb().run(() => kit.container.get<OutboundQueue>(TYPES.OutboundQueue).requeueFailed(id));
    expect(await retry.catch((e: unknown) => e)).to.be.instanceOf(LimitReachedError);
    expect((await outboundRows(kit.tenantId))[0]).to.include({ status: 'failed' });
  });

  it('does not count staff alerts or login codes (messages to staff users)', async () => {
    const tenant = { id: kit.tenantId } as Parameters<typeof aUser>[0];
    const manager = await aUser(tenant, { role: 'manager' });
    await alreadyUsed(kit.tenantId, MARCH, 'messages', 1_000);
    await kit.queue({
      purpose: 'notification',
      priority: 'high',
      to: manager.phone,
      text: 'Your code is 123456',
    });
    const [row] = await outboundRows(kit.tenantId);
    expect(row).to.include({ status: 'queued', usage_period: null });
    expect((await counter(kit.tenantId, MARCH))?.used).to.equal(1_000);
  });

  it('alerts the managers at 80% and at 100%, once each per period, with usage.threshold events', async () => {
    const tenant = { id: kit.tenantId } as Parameters<typeof aUser>[0];
    const manager = await aUser(tenant, { role: 'manager' });
    await alreadyUsed(kit.tenantId, MARCH, 'messages', 798);
    for (let i = 0; i < 3; i++) await kit.queue({ purpose: 'reply', to: customer(i), text: 'hi' });
    await testDb().knex('usage_counters').where({ tenant_id: kit.tenantId }).update({ used: 999 });
    for (let i = 3; i < 6; i++) await kit.queue({ purpose: 'reply', to: customer(i), text: 'hi' });
    const events = (await usageEvents(kit.tenantId)).map((e) => [e.data.level, e.data.used]);
    expect(events).to.deep.equal([
      [80, 800],
      [100, 1_000],
    ]);
    const alerts = (await outboundRows(kit.tenantId)).filter((r) => r.customer_phone === manager.phone);
    expect(alerts.map((a) => a.priority)).to.deep.equal(['high', 'high']);
    const c = await counter(kit.tenantId, MARCH);
    expect(c).to.include({ used: 1_000, alerted_80: true, alerted_100: true });
  });

  it('opens the next calendar month in the tenant timezone with usage-reset: sends are allowed again', async () => {
    await onPlan(kit.tenantId, 'professional', {}, 'America/Argentina/Buenos_Aires');
    kit.clock.set('2026-03-31T23:00:00Z'); // 20:00 on 31 March in Buenos Aires
    await alreadyUsed(kit.tenantId, MARCH, 'messages', 1_000);
    await usageResetJob(kit.container).run(jobContext(kit.clock.now()));
    expect(await kit.queue({ purpose: 'manual', text: 'hi' }).catch((e: unknown) => e)).to.be.instanceOf(
      LimitReachedError,
    );
    kit.clock.set('2026-04-01T03:00:00Z'); // midnight in Buenos Aires: April there
    expect(await usageResetJob(kit.container).run(jobContext(kit.clock.now()))).to.deep.equal({ opened: 1 });
    expect(await counter(kit.tenantId, '2026-04-01')).to.include({ used: 0, alerted_80: false });
    await kit.queue({ purpose: 'manual', to: CUSTOMER, text: 'hi' });
    expect((await counter(kit.tenantId, '2026-04-01'))?.used).to.equal(1);
    expect((await counter(kit.tenantId, MARCH))?.used).to.equal(1_000);
  });
});

const jobContext = (tick: Date) => ({
  tick,
  signal: new AbortController().signal,
  progress: { start: () => undefined, advance: () => undefined },
});
