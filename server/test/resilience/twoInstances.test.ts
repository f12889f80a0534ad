import { expect } from 'chai';
import { FakeProviderServer } from '../support/FakeProviderServer';
import { FaultyProxy } from '../support/process/FaultyProxy';
import { META_APP, metaAppEnv } from '../support/process/metaApp';
import { MetaSender } from '../support/process/MetaSender';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import { waitFor } from '../support/process/waitFor';
import { customerTraffic } from './support/customers';
import {
  expectEveryCustomerHandledOnce,
  expectEveryReplySentOnce,
  inboxDrained,
} from './support/expectations';
import { PipelineState } from './support/pipelineState';
import { byProfile, freshDatabase } from './support/resilienceHooks';
import { logScenario } from './support/scenarioLog';

const RATE_LIMIT_PER_MINUTE = 120;
/** A job ticking every second on both instances (croner's six-field pattern). */
const TICKING_JOB = 'expire-conversations';

/** This instance's `waops_job_runs_total` for `job`, all outcomes, from its /metrics. */
async function jobRunsOn(instance: ServerProcess, job: string): Promise<number> {
  const text = await (await fetch(`${instance.baseUrl}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`waops_job_runs_total{job="${job}"`))
    .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
}
const FIRST_CUSTOMERS = byProfile(50, 100);

describe('two instances on one database', function () {
  this.timeout(300_000);
  let instances: ServerProcess[];
  let state: PipelineState;
  let fake: FakeProviderServer;
  /** In front of the fake only to time every send. */
  let proxy: FaultyProxy;

  before(async () => {
    const databaseUrl = await freshDatabase('two');
    fake = await FakeProviderServer.start();
    fake.tokens.add(META_APP.accessToken);
    proxy = await FaultyProxy.start(fake.url);
    const env = {
      ...metaAppEnv(databaseUrl, proxy.url),
      WHATSAPP_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT_PER_MINUTE),
      JOB_SCHEDULES: `${TICKING_JOB}=* * * * * *`,
    };
    instances = [await serverProcess({ name: 'a', env }), await serverProcess({ name: 'b', env })];
    for (const instance of instances) await instance.start(); // the first migrates
    state = new PipelineState(databaseUrl);
  });

  after(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await state?.close();
    await proxy?.close();
    await fake?.close();
  });

  const sendTimes = () =>
    proxy.requests
      .filter((r) => r.path.endsWith('/messages') && !r.body.includes('"status":"read"'))
      .map((r) => r.at);

  it('processes every delivery once when both instances receive it', async () => {
    const traffic = customerTraffic(FIRST_CUSTOMERS, 55);
    // Every delivery twice, consecutive: round-robin hands the copies to different instances.
    const twice = traffic.deliveries.flatMap((d) => [d, d]);
    await new MetaSender({
      targets: instances.map((i) => i.baseUrl),
      ratePerSecond: 200,
      concurrency: 20,
    }).send(twice);
    await waitFor('every stored delivery processed', () => inboxDrained(state), { timeoutMs: 120_000 });
    await waitFor('every reply sent', async () => (await state.outboundPending()) === 0, {
      timeoutMs: 120_000,
      describe: async () => JSON.stringify(await state.outboundByStatus()),
    });

    await expectEveryCustomerHandledOnce(state, traffic);
    await expectEveryReplySentOnce(state, fake, traffic);
    expect(instances.flatMap((i) => i.crashes)).to.deep.equal([]);
  });

  it('holds the rate limit across both instances: the excess waits in the queue', async () => {
    const traffic = customerTraffic(RATE_LIMIT_PER_MINUTE + 30, 56);
    await new MetaSender({
      targets: instances.map((i) => i.baseUrl),
      ratePerSecond: 200,
      concurrency: 20,
    }).send(traffic.deliveries);
    // With more queued than the minute allows, sending stops at the limit and stays there.
    const inLastMinute = () => sendTimes().filter((at) => at > Date.now() - 60_000).length;
    await waitFor('sends reach the limit', () => inLastMinute() >= RATE_LIMIT_PER_MINUTE, {
      timeoutMs: 60_000,
    });
    const reachedAt = sendTimes().length;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const byStatus = await state.outboundByStatus();
    const times = sendTimes();
    const busiestMinute = Math.max(
      ...times.map((start) => times.filter((t) => t >= start && t < start + 60_000).length),
    );
    logScenario({ busiestMinute, sentAfterLimit: times.length - reachedAt, ...byStatus });

    expect(busiestMinute, 'sends in any 60 s, both instances together').to.equal(RATE_LIMIT_PER_MINUTE);
    expect(byStatus.failed ?? 0, 'replies dropped').to.equal(0);
    expect(byStatus.queued ?? 0, 'replies waiting for the next minute').to.be.greaterThan(0);
  });

  it('runs each scheduled tick once, on one instance or the other', async () => {
    const finishedRuns = async (before: Date) =>
      (
        await state.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM job_runs WHERE job = $1 AND finished_at <= $2`,
          [TICKING_JOB, before],
        )
      )[0].n;
    await waitFor('ten ticks run', async () => (await finishedRuns(new Date())) >= 10, { timeoutMs: 60_000 });
    // Runs the instances report, bracketed by the runs the log had finished before and after asking.
    const before = await finishedRuns(new Date());
    const [a, b] = await Promise.all(instances.map((i) => jobRunsOn(i, TICKING_JOB)));
    const after = await finishedRuns(new Date());
    const ticks = await state.query<{ instances: number }>(
      `SELECT count(DISTINCT instance)::int AS instances FROM job_runs WHERE job = $1`,
      [TICKING_JOB],
    );
    logScenario({ runsOnA: a, runsOnB: b, ticksLogged: after, instancesThatRan: ticks[0].instances });

    expect(a + b, 'runs on both instances together vs ticks in the run log')
      .to.be.at.least(before)
      .and.at.most(after);
  });
});
