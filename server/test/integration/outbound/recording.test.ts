import { expect } from 'chai';
import type { PendingStatusRepository } from '../../../src/modules/message/domain/PendingStatus';
import { TYPES } from '../../../src/types';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import { OutboundSender } from '../../../src/whatsapp/outbound/dispatch/OutboundSender';
import { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { SentRecorder } from '../../../src/whatsapp/outbound/dispatch/SentRecorder';
import { StuckSweeper } from '../../../src/whatsapp/outbound/dispatch/StuckSweeper';
import { httpStatus } from '../../support/fakeFailures';
import { FakeProviderServer, sendJson } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import { customerWrote, message } from './outboundKit';

const phones = (n: number) =>
  Array.from({ length: n }, (_, i) => `+54911555590${String(i).padStart(2, '0')}`);
const knex = () => testDb().knex;

/** Statements the app sends while `work` runs, as SQL text. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (q: { sql: string }) => seen.push(q.sql);
  knex().on('query', listener);
  try {
    await work();
  } finally {
    knex().off('query', listener);
  }
  return seen;
}

describe('recording sends: batches, leases, and what is left when recording fails', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;

  async function start(env: Record<string, string> = {}) {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake, env);
  }
  afterEach(() => fake.close());

  const queueTo = async (to: string[]) => {
    const ids: string[] = [];
    for (const phone of to) {
      await customerWrote(kit.tenantId, phone, kit.clock.now());
      ids.push(await kit.queue({ to: phone, text: `for ${phone}` }));
    }
    return ids;
  };

  it('records sends that finish while a commit runs together, in one statement', async () => {
    await start();
    await queueTo(phones(3));
    const claimed = await kit.claim();
    const recorder = kit.container.get(SentRecorder);
    const statements = await statementsDuring(() =>
      Promise.all(
        claimed.map((m, i) => recorder.record({ message: m, providerMessageId: `wamid.batch${i}` })),
      ),
    );
    // The first goes at once; the two handed in meanwhile share the next commit.
    expect(statements.filter((sql) => sql.startsWith('WITH sent AS'))).to.have.length(2);
    for (const [i, m] of claimed.entries())
      expect(await message(m.id)).to.include({ status: 'sent', provider_message_id: `wamid.batch${i}` });
  });

  it('tries a batch that cannot commit send by send: one bad row fails alone', async () => {
    await start();
    await queueTo(phones(3));
    const [a, b, c] = await kit.claim();
    const recorder = kit.container.get(SentRecorder);
    // b and c come back with the same provider id: the second breaks the (tenant, provider id) key.
    const outcomes = await Promise.allSettled([
      recorder.record({ message: a, providerMessageId: 'wamid.one' }),
      recorder.record({ message: b, providerMessageId: 'wamid.two' }),
      recorder.record({ message: c, providerMessageId: 'wamid.two' }),
    ]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'fulfilled', 'rejected']);
    expect(await message(a.id)).to.include({ status: 'sent' });
    expect(await message(b.id)).to.include({ status: 'sent', provider_message_id: 'wamid.two' });
    expect(await message(c.id)).to.include({ status: 'sending', provider_message_id: null });
  });

  it('stops sending once an outcome cannot be recorded; the rest waits for its lease', async () => {
    await start({ WHATSAPP_SEND_CONCURRENCY: '1' });
    const ids = await queueTo(phones(3));
    // The database refuses to record any send (as when it is away after the provider accepted).
    await knex().raw(`CREATE FUNCTION refuse_sent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'no sends recorded today'; END $$`);
    await knex().raw(`CREATE TRIGGER refuse_sent BEFORE UPDATE ON whatsapp_messages
      FOR EACH ROW WHEN (NEW.status = 'sent') EXECUTE FUNCTION refuse_sent()`);
    try {
      expect(await kit.dispatcher.drain()).to.equal(3);
    } finally {
      await knex().raw('DROP TRIGGER refuse_sent ON whatsapp_messages');
      await knex().raw('DROP FUNCTION refuse_sent()');
    }
    expect(fake.outbound.sent).to.have.length(1);
    for (const id of ids) expect(await message(id)).to.include({ status: 'sending', attempts: 1 });
    kit.clock.advance(60_001);
    const sweeper = kit.container.get(StuckSweeper);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 3, confirmed: 0, requeued: 0, failed: 0 });
    kit.clock.advance(120_001);
    expect(await sweeper.run()).to.deep.equal({ unconfirmed: 0, confirmed: 0, requeued: 3, failed: 0 });
    await kit.dispatcher.drain();
    // No status webhook named the one the provider accepted without a record, so it went again
    // after the reconcile window; the others once.
    expect(fake.outbound.sent).to.have.length(4);
    for (const id of ids) expect(await message(id)).to.include({ status: 'sent', attempts: 2 });
  });

  it('puts back, untried, a claimed message whose call could outlast its lease', async () => {
    await start();
    const [id] = await queueTo(phones(1));
    const [claimed] = await kit.claim();
    const account = await kit.container.get<TenantDirectory>(TYPES.TenantDirectory).forTenant(kit.tenantId);
    kit.clock.advance(31_000); // it waited behind slow calls: 29 s of its 60 s lease left, calls get 30 s
    await kit.container.get(OutboundSender).send(account!, claimed);
    expect(fake.outbound.sent).to.be.empty;
    expect(await message(id)).to.include({ status: 'queued', attempts: 0, locked_until: null });
    expect(await knex()('whatsapp_send_attempts').where({ message_id: id })).to.be.empty;
    expect(await kit.dispatcher.drain()).to.equal(1);
    expect(await message(id)).to.include({ status: 'sent', attempts: 1 });
  });

  it('puts back, untried, what a tenant had claimed when it entered panic mode', async () => {
    await start({ WHATSAPP_SEND_CONCURRENCY: '1' });
    fake.outbound.failNext('send', httpStatus(500), 20);
    const ids = await queueTo(phones(25));
    expect(await kit.dispatcher.drain()).to.equal(25);
    // 20 of 20 failed: panic mode after the 20th; the five behind it never reached the provider.
    expect(fake.requestsTo('/v25.0/')).to.have.length(20);
    expect(await kit.container.get(PanicMode).status(kit.tenantId)).to.deep.include({ active: true });
    for (const id of ids.slice(20)) expect(await message(id)).to.include({ status: 'queued', attempts: 0 });
  });

  it('has the stuck sweeper apply statuses parked for a send recorded since', async () => {
    await start();
    const [id] = await queueTo(phones(1));
    await kit.dispatcher.drain();
    const { provider_message_id: wamid } = await message(id);
    // A status parked while the send was being recorded, or left when the process died in between.
    await kit.container.get<PendingStatusRepository>(TYPES.PendingStatusRepository).park(kit.tenantId, {
      kind: 'status',
      route: {},
      providerMessageId: wamid!,
      status: 'delivered',
      timestamp: kit.clock.now(),
      raw: {},
    });
    await kit.container.get(StuckSweeper).run();
    expect(await message(id)).to.include({ status: 'delivered' });
    expect(await knex()('whatsapp_pending_statuses')).to.be.empty;
  });

  it('keeps WHATSAPP_SEND_CONCURRENCY calls in flight and claims the next round meanwhile', async () => {
    await start({ WHATSAPP_SEND_CONCURRENCY: '3' });
    kit.dispatcher.options = { ...kit.dispatcher.options, batchSize: 4 };
    let inFlight = 0;
    let mostInFlight = 0;
    let calls = 0;
    // Answers after 15, 30 or 45 ms in turn, so calls end at different times.
    fake.route('POST', '/:version/:phoneNumberId/messages', (_req, res) => {
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      const call = calls++;
      setTimeout(
        () => {
          inFlight--;
          sendJson(res, 200, { messaging_product: 'whatsapp', messages: [{ id: `wamid.call${call}` }] });
        },
        15 * (1 + (call % 3)),
      );
    });
    const ids = await queueTo(phones(10));
    let claimsDuringCalls = 0;
    const statements = await statementsDuring(async () => {
      const count = (q: { sql: string }) => {
        if (/skip locked/i.test(q.sql) && inFlight > 0) claimsDuringCalls++;
      };
      knex().on('query', count);
      try {
        expect(await kit.dispatcher.drain()).to.equal(10);
      } finally {
        knex().off('query', count);
      }
    });
    expect(mostInFlight).to.equal(3);
    expect(claimsDuringCalls).to.be.greaterThan(0);
    // Rounds of 4, 4 and 2; then no tenant has anything due.
    expect(statements.filter((sql) => /skip locked/i.test(sql))).to.have.length(3);
    for (const id of ids) expect(await message(id)).to.include({ status: 'sent' });
  });
});
