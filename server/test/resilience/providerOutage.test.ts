import { expect } from 'chai';
import { FakeProviderServer } from '../support/FakeProviderServer';
import { FaultyProxy } from '../support/process/FaultyProxy';
import { META_APP, metaAppEnv } from '../support/process/metaApp';
import { MetaSender } from '../support/process/MetaSender';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import { waitFor } from '../support/process/waitFor';
import { customerTraffic, type CustomerTraffic } from './support/customers';
import { acceptedSendsPerRecipient, inboxDrained } from './support/expectations';
import { PipelineState } from './support/pipelineState';
import { freshDatabase, slowScenario } from './support/resilienceHooks';
import { logScenario } from './support/scenarioLog';

/** Enough replies for the panic rule to judge (at least 20 sends tried in 5 minutes). */
const CUSTOMERS = 30;
const MAX_SEND_ATTEMPTS = 5;
/** Message sends that reached the proxy (read receipts go to the same path; they are not sends). */
const sends = (proxy: FaultyProxy) =>
  proxy.requests.filter((r) => r.path.endsWith('/messages') && !r.body.includes('"status":"read"'));
const sendsTo = (proxy: FaultyProxy) => sends(proxy).length;

slowScenario('provider outage', function () {
  this.timeout(400_000);
  let server: ServerProcess;
  let state: PipelineState;
  let fake: FakeProviderServer;
  let proxy: FaultyProxy;

  before(async () => {
    const databaseUrl = await freshDatabase('outage');
    fake = await FakeProviderServer.start();
    fake.tokens.add(META_APP.accessToken);
    proxy = await FaultyProxy.start(fake.url);
    server = await serverProcess({
      name: 'app',
      env: {
        ...metaAppEnv(databaseUrl, proxy.url),
        WHATSAPP_RATE_LIMIT_PER_MINUTE: '100000',
        PANIC_COOLDOWN_MINUTES: '1',
      },
    });
    await server.start();
    state = new PipelineState(databaseUrl);
  });

  after(async () => {
    await server?.stop();
    await state?.close();
    await proxy?.close();
    await fake?.close();
  });

  const panic = async () =>
    (
      await state.query<{ active: boolean; reason: string | null }>(
        `SELECT active, reason FROM whatsapp_panic_states`,
      )
    )[0];

  async function customersWriteIn(traffic: CustomerTraffic): Promise<void> {
    await new MetaSender({ targets: [server.baseUrl], ratePerSecond: 200, concurrency: 10 }).send(
      traffic.deliveries,
    );
    await waitFor('inbox processed', () => inboxDrained(state));
  }

  it('holds the queue through 500s, trips panic mode, and sends everything once after recovery', async () => {
    proxy.fault = 'server-error';
    const traffic = customerTraffic(CUSTOMERS, 53);
    await customersWriteIn(traffic);

    await waitFor('panic mode', async () => (await panic())?.active === true, {
      timeoutMs: 120_000,
      describe: async () =>
        `${sendsTo(proxy)} sends tried; ${JSON.stringify(await state.outboundByStatus())}`,
    });
    const triedBeforePanic = sendsTo(proxy);
    const reason = (await panic()).reason;
    // Paused: for a while, nothing more is tried and nothing is given up on.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const triedWhilePaused = sendsTo(proxy) - triedBeforePanic;
    const duringOutage = await state.outboundByStatus();

    proxy.recover();
    // Auto-resume after the cooldown (1 minute here), checked by the dispatcher's housekeeping.
    await waitFor('every reply sent after recovery', async () => (await state.outboundPending()) === 0, {
      timeoutMs: 240_000,
      intervalMs: 1_000,
      describe: async () => JSON.stringify({ panic: await panic(), ...(await state.outboundByStatus()) }),
    });
    logScenario({
      triedBeforePanic,
      triedWhilePaused,
      reason,
      duringOutage,
      after: await state.outboundByStatus(),
    });

    expect(reason).to.equal('failure_rate');
    expect(triedBeforePanic, 'send attempts before panic (retries back off, no hot loop)').to.be.lessThan(
      CUSTOMERS * 2,
    );
    // At most the calls already in flight (WHATSAPP_SEND_CONCURRENCY, 16 by default): what was
    // claimed but not yet sent is put back when panic mode starts.
    expect(triedWhilePaused, 'send attempts while paused').to.be.lessThanOrEqual(16);
    expect(duringOutage.failed ?? 0, 'replies given up on during the outage').to.equal(0);
    expect(await state.outboundByStatus()).to.deep.equal({ sent: CUSTOMERS });
    const accepted = acceptedSendsPerRecipient(fake);
    expect(
      traffic.phones.filter((p) => accepted.get(p) !== 1),
      'customers not sent their reply once',
    ).to.deep.equal([]);
    expect(server.crashes).to.deep.equal([]);
  });

  it('retries sends the provider never answers, and sends them once it answers again', async () => {
    proxy.fault = 'hang';
    const traffic = customerTraffic(5, 54);
    await customersWriteIn(traffic);
    // Every call has a 15 s deadline (decision 0009); wait for the held calls to time out and be retried.
    const heldBefore = sends(proxy).filter((r) => r.fate === 'hang').length;
    await waitFor(
      'a held send timed out and tried again',
      () => sends(proxy).filter((r) => r.fate === 'hang').length - heldBefore > traffic.phones.length,
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    const [attempts] = await state.query<{ max: number }>(
      `SELECT max(attempts)::int AS max FROM whatsapp_messages WHERE direction = 'OUTBOUND' AND status <> 'sent'`,
    );
    proxy.recover();
    await waitFor('the held replies sent', async () => (await state.outboundPending()) === 0, {
      timeoutMs: 120_000,
      intervalMs: 500,
      describe: async () => JSON.stringify(await state.outboundByStatus()),
    });

    expect(attempts.max, 'attempts used while the provider hung').to.be.lessThan(MAX_SEND_ATTEMPTS);
    const accepted = acceptedSendsPerRecipient(fake);
    expect(
      traffic.phones.filter((p) => accepted.get(p) !== 1),
      'customers not sent their reply once',
    ).to.deep.equal([]);
    expect(server.crashes).to.deep.equal([]);
  });
});
