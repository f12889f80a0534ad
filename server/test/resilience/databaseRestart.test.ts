import { expect } from 'chai';
import { metaAppEnv } from '../support/process/metaApp';
import { MetaSender } from '../support/process/MetaSender';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import { waitFor } from '../support/process/waitFor';
import { customerTraffic } from './support/customers';
import { expectEveryCustomerHandledOnce, inboxDrained } from './support/expectations';
import { PipelineState } from './support/pipelineState';
import { byProfile, freshDatabase, privateCluster, slowScenario } from './support/resilienceHooks';
import { logScenario } from './support/scenarioLog';

const CUSTOMERS = byProfile(150, 500);
const OUTAGE_ANSWERS = byProfile(20, 100);

const readiness = async (server: ServerProcess) => (await fetch(`${server.baseUrl}/readyz`)).status;

slowScenario('PostgreSQL restart during load', function () {
  this.timeout(300_000);
  let server: ServerProcess;
  let state: PipelineState;

  before(async () => {
    const databaseUrl = await freshDatabase('dbrestart');
    server = await serverProcess({ name: 'app', env: metaAppEnv(databaseUrl) });
    await server.start();
    state = new PipelineState(databaseUrl);
  });

  after(async () => {
    await server?.stop();
    await state?.close();
  });

  it('answers 503 while the database is down, never 200 without a write, and recovers by itself', async () => {
    const traffic = customerTraffic(CUSTOMERS, 51);
    const sender = new MetaSender({
      targets: [server.baseUrl],
      ratePerSecond: 60,
      concurrency: 20,
      backoffBaseMs: 100,
      backoffMaxMs: 1_000,
    });
    let databaseDown = false;
    const answersDuringOutage: Record<string, number> = {};
    sender.onAnswer((_delivery, status) => {
      if (databaseDown) answersDuringOutage[status] = (answersDuringOutage[status] ?? 0) + 1;
    });
    const sent = sender.send(traffic.deliveries);

    await waitFor(
      'a third of the load acknowledged',
      () => sender.stats().acked >= traffic.deliveries.length / 3,
    );
    await privateCluster().stop('immediate'); // a crash: no checkpoint, WAL recovery on start
    databaseDown = true;
    await waitFor(`${OUTAGE_ANSWERS} answers while the database is down`, () => {
      const answered = Object.values(answersDuringOutage).reduce((a, b) => a + b, 0);
      return answered >= OUTAGE_ANSWERS;
    });
    const readyWhileDown = await readiness(server);
    databaseDown = false;
    await privateCluster().start();

    await sent;
    await waitFor('every stored delivery processed', () => inboxDrained(state), {
      timeoutMs: 150_000,
      intervalMs: 500,
      describe: async () => JSON.stringify(await state.inbox()),
    });
    logScenario({ answersDuringOutage, ...sender.stats() });

    expect(readyWhileDown, '/readyz while the database is down').to.equal(503);
    expect(await readiness(server), '/readyz after').to.equal(200);
    expect(Object.keys(answersDuringOutage), 'answers while the database was down').to.deep.equal(['503']);
    expect(server.crashes, server.output()).to.deep.equal([]);
    // A 200 without a write would be a delivery the sender never retried and the inbox never got.
    await expectEveryCustomerHandledOnce(state, traffic);
  });
});
