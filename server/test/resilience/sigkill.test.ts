import { expect } from 'chai';
import { FakeProviderServer } from '../support/FakeProviderServer';
import { FakeStatusWebhooks } from '../support/FakeStatusWebhooks';
import { META_APP, metaAppEnv } from '../support/process/metaApp';
import { MetaSender } from '../support/process/MetaSender';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import { waitFor } from '../support/process/waitFor';
import { customerTraffic } from './support/customers';
import {
  duplicateSends,
  expectEveryCustomerHandledOnce,
  expectEveryReplySentOnce,
  inboxDrained,
} from './support/expectations';
import { PipelineState } from './support/pipelineState';
import { byProfile, freshDatabase, slowScenario } from './support/resilienceHooks';
import { logScenario } from './support/scenarioLog';

const CUSTOMERS = byProfile(150, 500);
const KILLS = byProfile(2, 4);

/**
 * Kills the server (and starts it again) each time the acknowledged share of the load passes the
 * next of `times` evenly spaced marks, plus a random offset so kills land at different points of
 * the work (mid-request, mid-batch, mid-transaction).
 */
async function killDuringLoad(server: ServerProcess, sender: MetaSender, times: number): Promise<number> {
  const total = sender.stats().deliveries;
  for (let kill = 1; kill <= times; kill++) {
    const mark = total * (kill / (times + 1));
    await waitFor(`${Math.round(mark)} deliveries acknowledged`, () => sender.stats().acked >= mark, {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 200));
    await server.kill();
    await server.start();
  }
  return times;
}

slowScenario('SIGKILL under load', function () {
  this.timeout(600_000);
  let server: ServerProcess;
  let state: PipelineState;
  let fake: FakeProviderServer;
  let statuses: FakeStatusWebhooks;

  before(async () => {
    const databaseUrl = await freshDatabase('sigkill');
    fake = await FakeProviderServer.start();
    fake.tokens.add(META_APP.accessToken);
    server = await serverProcess({
      name: 'app',
      // The replies go out as fast as they come: this scenario is about crashes, not the rate limit.
      env: { ...metaAppEnv(databaseUrl, fake.url), WHATSAPP_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    await server.start();
    state = new PipelineState(databaseUrl);
    // Meta's status webhooks, a few seconds after each accepted send, echoing our message id.
    statuses = new FakeStatusWebhooks({
      baseUrl: server.baseUrl,
      appSecret: META_APP.appSecret,
      phoneNumberId: META_APP.phoneNumberId,
      displayPhoneNumber: META_APP.businessPhone.slice(1),
      wabaId: META_APP.businessAccountId,
      delayMs: () => 1_000 + Math.random() * 2_000,
    });
    fake.outbound.statusWebhooks = statuses;
  });

  after(async () => {
    statuses?.stop();
    await server?.stop();
    await state?.close();
    await fake?.close();
  });

  it('stores every delivery once, gives every customer one lead and one reply, and sends that reply once', async () => {
    const traffic = customerTraffic(CUSTOMERS);
    const sender = new MetaSender({
      targets: [server.baseUrl],
      ratePerSecond: 60,
      concurrency: 20,
      backoffBaseMs: 100,
      backoffMaxMs: 1_000,
    });
    const sent = sender.send(traffic.deliveries);
    const kills = await killDuringLoad(server, sender, KILLS);
    await sent;
    // Events a killed instance had claimed come back when their lease runs out (60 s).
    await waitFor('every stored delivery processed', () => inboxDrained(state), {
      timeoutMs: 150_000,
      intervalMs: 500,
      describe: async () => JSON.stringify(await state.inbox()),
    });
    // Replies a killed instance was sending: confirmed by their statuses when the stuck sweeper finds
    // their lease expired, or sent again once WHATSAPP_RECONCILE_SECONDS pass without one.
    await waitFor('every reply sent', async () => (await state.outboundPending()) === 0, {
      timeoutMs: 420_000,
      intervalMs: 500,
      describe: async () => JSON.stringify(await state.outboundByStatus()),
    });

    const outcomes = sender.stats().outcomes;
    expect(outcomes.network ?? 0, 'requests cut or refused by the kills').to.be.greaterThan(0);
    expect(
      Object.keys(outcomes).filter((o) => o.startsWith('5')),
      `5xx answers: ${JSON.stringify(outcomes)}`,
    ).to.deep.equal([]);
    expect(server.crashes, server.output()).to.deep.equal([]);
    await expectEveryCustomerHandledOnce(state, traffic);
    await expectEveryReplySentOnce(state, fake, traffic);
    const duplicates = duplicateSends(fake, statuses.acknowledgedAt);
    const [recovered] = await state.query<{ reconciled: number; again: number }>(
      `SELECT count(*) FILTER (WHERE status_history @> '[{"reconciled": true}]')::int AS reconciled,
              count(*) FILTER (WHERE attempts > 1)::int AS again
         FROM whatsapp_messages WHERE direction = 'OUTBOUND'`,
    );
    logScenario({
      kills,
      duplicates,
      lostOutcomesConfirmedByStatus: recovered.reconciled,
      sentAgain: recovered.again,
      ...sender.stats(),
    });
    expect(duplicates.afterItsStatus, 'sends repeated although a status had named the first').to.equal(0);
  });
});
