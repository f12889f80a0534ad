import { expect } from 'chai';
import { OutboundClaims } from '../../../src/whatsapp/outbound/dispatch/OutboundClaims';
import { StuckSweeper } from '../../../src/whatsapp/outbound/dispatch/StuckSweeper';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { dispatcherKit, withDispatcher, type DispatcherKit } from './dispatcherKit';
import { anotherInstance, customerWrote, message } from './outboundKit';

const phones = (n: number, prefix: string) =>
  Array.from({ length: n }, (_, i) => `+549115555${prefix}${String(i).padStart(2, '0')}`);

describe('outbound delivery with several instances on one database', () => {
  let fake: FakeProviderServer;
  let a: DispatcherKit;
  let b: DispatcherKit;

  const queueTo = async (to: string[]) => {
    const ids: string[] = [];
    for (const phone of to) {
      await customerWrote(a.tenantId, phone, a.clock.now());
      ids.push(await a.queue({ to: phone, text: `for ${phone}` }));
    }
    return ids;
  };

  async function start(env: Record<string, string> = {}) {
    fake = await FakeProviderServer.start();
    a = await dispatcherKit(fake, env);
    b = withDispatcher(anotherInstance(a, env), fake);
  }
  afterEach(() => fake.close());

  it('sends each message exactly once when two dispatchers drain at the same time', async () => {
    await start();
    const ids = await queueTo(phones(30, '06'));
    const [sentByA, sentByB] = await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
    expect(sentByA + sentByB).to.equal(30);
    expect(fake.outbound.sent).to.have.length(30);
    expect(new Set(fake.outbound.sent.map((s) => s.body.to)).size).to.equal(30);
    for (const id of ids) expect(await message(id)).to.include({ status: 'sent', attempts: 1 });
  });

  it('holds WHATSAPP_RATE_LIMIT_PER_MINUTE across two dispatchers; the excess goes a minute later', async () => {
    await start({ WHATSAPP_RATE_LIMIT_PER_MINUTE: '5' });
    await queueTo(phones(12, '07'));
    await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
    expect(fake.outbound.sent).to.have.length(5);
    a.clock.advance(30_000);
    b.clock.advance(30_000);
    await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
    expect(fake.outbound.sent).to.have.length(5);
    a.clock.advance(30_000);
    b.clock.advance(30_000);
    await Promise.all([a.dispatcher.drain(), b.dispatcher.drain()]);
    expect(fake.outbound.sent).to.have.length(10);
  });

  it('loses nothing when a dispatcher dies mid-send: the lease expires and another sends it', async () => {
    await start();
    const [id] = await queueTo(phones(1, '08'));
    // Instance A claims the message and dies before calling the provider (SIGKILL: no cleanup).
    const [claimed] = await a.container.get(OutboundClaims).claim({
      tenantId: a.tenantId,
      provider: 'meta',
      now: a.clock.now(),
      limit: 10,
      ratePerMinute: 50,
      leaseMs: 60_000,
    });
    expect(claimed.id).to.equal(id);
    expect(await b.dispatcher.drain()).to.equal(0);
    b.clock.advance(60_001);
    const sweeper = b.container.get(StuckSweeper);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 1, confirmed: 0, requeued: 0, failed: 0 });
    // No status names it within WHATSAPP_RECONCILE_SECONDS: it goes again, as a new attempt.
    b.clock.advance(120_001);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 0, confirmed: 0, requeued: 1, failed: 0 });
    expect(await b.dispatcher.drain()).to.equal(1);
    expect(await message(id)).to.include({ status: 'sent', attempts: 2 });
    expect(fake.outbound.sent).to.have.length(1);
  });
});

describe('outbound delivery with the console provider', () => {
  it('sends a notification outside the window as its default template, approved at once', async () => {
    const fake = await FakeProviderServer.start();
    try {
      const kit = await dispatcherKit(fake, {}, 'console');
      const id = await kit.queue({
        purpose: 'notification',
        text: 'Update on IN-1 (trip TRP1): bus fixed',
        template: { name: 'incident_update', params: ['TRP1', 'IN-1', 'bus fixed'] },
      });
      await kit.dispatcher.drain();
      const row = await message(id);
      expect(row.status).to.equal('sent');
      expect(row.provider_message_id).to.be.a('string');
      expect(fake.requests).to.have.length(0);
    } finally {
      await fake.close();
    }
  });
});
