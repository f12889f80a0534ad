import { expect } from 'chai';
import { metaAppEnv } from '../support/process/metaApp';
import { MetaSender } from '../support/process/MetaSender';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import { waitFor } from '../support/process/waitFor';
import { customerTraffic } from './support/customers';
import { expectEveryCustomerHandledOnce, inboxDrained } from './support/expectations';
import { PipelineState } from './support/pipelineState';
import { byProfile, freshDatabase } from './support/resilienceHooks';

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

describe('SIGKILL under load', function () {
  this.timeout(300_000);
  let server: ServerProcess;
  let state: PipelineState;

  before(async () => {
    const databaseUrl = await freshDatabase('sigkill');
    server = await serverProcess({ name: 'app', env: metaAppEnv(databaseUrl) });
    await server.start();
    state = new PipelineState(databaseUrl);
  });

  after(async () => {
    await server?.stop();
    await state?.close();
  });

  it('stores every delivery once, and gives every customer one lead and one queued reply', async () => {
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

    const outcomes = sender.stats().outcomes;
    expect(kills, 'kills while the load was on').to.equal(KILLS);
    expect(outcomes.network ?? 0, 'requests cut or refused by the kills').to.be.greaterThan(0);
    expect(
      Object.keys(outcomes).filter((o) => o.startsWith('5')),
      `5xx answers: ${JSON.stringify(outcomes)}`,
    ).to.deep.equal([]);
    expect(server.crashes, server.output()).to.deep.equal([]);
    await expectEveryCustomerHandledOnce(state, traffic);
  });
});
