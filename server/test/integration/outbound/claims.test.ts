import { expect } from 'chai';
import { StuckSweeper } from '../../../src/whatsapp/outbound/dispatch/StuckSweeper';
import { DueRows } from '../../../src/whatsapp/outbound/dispatch/DueRows';
import { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { testDb } from '../../support/integrationHooks';
import {
  aTemplate,
  anotherInstance,
  CUSTOMER,
  customerWrote,
  message,
  optedOut,
  OTHER_CUSTOMER,
  outboundKit,
  type OutboundKit,
} from './outboundKit';

const HOUR = 3_600_000;
const notification = {
  purpose: 'notification' as const,
  text: 'Update on IN-1 (trip TRP1): bus fixed',
  template: { name: 'incident_update', params: ['TRP1', 'IN-1', 'bus fixed'] },
};

describe('outbound claims: the rules before anything reaches a provider', () => {
  let kit: OutboundKit;
  beforeEach(async () => {
    kit = await outboundKit();
    await customerWrote(kit.tenantId, CUSTOMER, new Date(kit.clock.now().getTime() - HOUR));
  });

  it('fails a message to an opted-out customer with OPTED_OUT, and claims the STOP confirmation', async () => {
    await optedOut(kit.tenantId, CUSTOMER);
    const reply = await kit.queue({ text: 'Your lead is LD-1' });
    const confirmation = await kit.queue({
      text: 'You will get no more messages',
      context: { stopConfirmation: true },
    });
    const claimed = await kit.claim();
    expect(claimed.map((c) => c.id)).to.deep.equal([confirmation]);
    expect(await message(reply)).to.include({ status: 'failed', error_code: 'OPTED_OUT', attempts: 0 });
    expect(await message(confirmation)).to.include({ status: 'sending', attempts: 1 });
  });

  it('sends free text while the window is open and refuses it once it has closed', async () => {
    const open = await kit.queue({ text: 'hi' });
    expect((await kit.claim()).map((c) => c.plan.kind)).to.deep.equal(['session']);
    kit.clock.advance(24 * HOUR);
    const late = await kit.queue({ text: 'hi again', to: CUSTOMER });
    expect(await kit.claim()).to.deep.equal([]);
    expect(await message(late)).to.include({ status: 'failed', error_code: 'WINDOW_CLOSED' });
    expect(await message(open)).to.include({ status: 'sending' });
  });

  it('falls back to the approved template for a notification outside the window', async () => {
    await aTemplate(kit.tenantId, 'incident_update', 'Update on {{2}} (trip {{1}}): {{3}}');
    await kit.queue({ ...notification, to: OTHER_CUSTOMER });
    const [claimed] = await kit.claim();
    expect(claimed.plan).to.deep.include({ kind: 'template', name: 'incident_update', language: 'en' });
  });

  it('refuses a template that is not approved or gets the wrong number of parameters', async () => {
    await aTemplate(kit.tenantId, 'incident_update', 'Update on {{2}} (trip {{1}}): {{3}}', 'PAUSED');
    await aTemplate(kit.tenantId, 'quote_ready', 'Hi {{1}}, quote {{2}}: {{4}}, {{3}}.');
    const paused = await kit.queue({ ...notification, to: OTHER_CUSTOMER });
    const wrong = await kit.queue({ purpose: 'manual', template: { name: 'quote_ready', params: ['Ana'] } });
    expect(await kit.claim()).to.deep.equal([]);
    expect(await message(paused)).to.include({ status: 'failed', error_code: 'TEMPLATE_NOT_APPROVED' });
    expect(await message(wrong)).to.include({ status: 'failed', error_code: 'TEMPLATE_PARAMS' });
  });
});

describe('outbound claims: rate limit, pacing, panic, leases', () => {
  let kit: OutboundKit;
  beforeEach(async () => {
    kit = await outboundKit();
    for (const phone of [CUSTOMER, OTHER_CUSTOMER])
      await customerWrote(kit.tenantId, phone, new Date(kit.clock.now().getTime() - HOUR));
  });

  it('holds the per-tenant limit over a sliding minute across two instances; the excess waits', async () => {
    const other = anotherInstance(kit);
    const phones = Array.from({ length: 10 }, (_, i) => `+54911555503${String(i).padStart(2, '0')}`);
    for (const phone of phones) await customerWrote(kit.tenantId, phone, kit.clock.now());
    const ids = [];
    for (const to of phones) ids.push(await kit.queue({ to, text: 'hi' }));
    const [a, b] = await Promise.all([kit.claim(50, 4), other.claim(50, 4)]);
    expect(a.length + b.length).to.equal(4);
    const waiting = await Promise.all(ids.map(message));
    expect(waiting.filter((m) => m.status === 'queued')).to.have.length(6);
    // The tenant is held until the next slot: one row, the waiting messages are left as they are.
    const hold = await testDb().knex('whatsapp_outbound_holds').where({ tenant_id: kit.tenantId }).first();
    expect(new Date(hold.until).getTime()).to.equal(kit.clock.now().getTime() + 60_000);
    expect(await kit.container.get(DueRows).dueTenants(kit.clock.now(), 50)).to.deep.equal([]);
    expect(await kit.claim(50, 4)).to.deep.equal([]);
    kit.clock.advance(60_000);
    expect(await kit.claim(50, 4)).to.have.length(4);
  });

  it('paces one recipient after a short burst instead of burning attempts', async () => {
    for (let i = 0; i < 5; i++) await kit.queue({ text: `part ${i}` });
    const other = await kit.queue({ to: OTHER_CUSTOMER, text: 'unaffected' });
    const first = await kit.claim();
    expect(first.filter((c) => c.to === CUSTOMER)).to.have.length(3);
    expect(first.map((c) => c.id)).to.include(other);
    kit.clock.advance(6_000);
    expect(await kit.claim()).to.have.length(1);
    expect(await kit.claim()).to.have.length(0);
    kit.clock.advance(6_000);
    expect(await kit.claim()).to.have.length(1);
  });

  it('claims nothing for a tenant in panic mode; the queue waits', async () => {
    const id = await kit.queue({ text: 'held' });
    await kit.container.get(PanicMode).enter(kit.tenantId, 'auth', { code: '190' });
    expect(await kit.claim()).to.deep.equal([]);
    expect(await message(id)).to.include({ status: 'queued', attempts: 0 });
    kit.clock.advance(60 * 60_000);
    expect(await kit.container.get(PanicMode).autoResume()).to.deep.equal([kit.tenantId]);
    expect(await kit.claim()).to.have.length(1);
  });

  it('re-queues a message whose lease ran out (a dispatcher that died mid-send) once no status names it', async () => {
    const id = await kit.queue({ text: 'in flight when the worker died' });
    expect(await kit.claim()).to.have.length(1);
    const sweeper = kit.container.get(StuckSweeper);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 0, confirmed: 0, requeued: 0, failed: 0 });
    kit.clock.advance(61_000);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 1, confirmed: 0, requeued: 0, failed: 0 });
    expect(await message(id)).to.include({ status: 'unconfirmed', attempts: 1, locked_until: null });
    expect(await kit.claim()).to.deep.equal([]);
    kit.clock.advance(119_000);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 0, confirmed: 0, requeued: 0, failed: 0 });
    kit.clock.advance(1_001);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 0, confirmed: 0, requeued: 1, failed: 0 });
    expect(await message(id)).to.include({ status: 'queued', attempts: 1, locked_until: null });
    const [again] = await kit.claim();
    expect(again).to.include({ id, attempt: 2 });
  });
});
