import { expect } from 'chai';
import type { Job, JobContext } from '../../../src/shared/jobs/Job';
import { JobRunner } from '../../../src/jobs/JobRunner';
import { JobScheduler } from '../../../src/jobs/JobScheduler';
import { TYPES } from '../../../src/types';
import { testContainer } from '../../support/testContainer';
import { knex } from './jobsTestKit';

/** A job that records the ticks it ran, shared by every "instance" of a test. */
class TickRecorder implements Job {
  readonly name = 'record-ticks';
  readonly defaultSchedule = '* * * * * *';
  readonly description = 'records its ticks';
  readonly ticks: string[] = [];

  async run({ tick }: JobContext) {
    this.ticks.push(tick.toISOString());
    await new Promise((resolve) => setImmediate(resolve));
    return { ran: 1 };
  }
}

/** An instance of the server as far as jobs go: its own container on the shared database. */
function anInstance(job: Job, env: Record<string, string> = {}) {
  const ctx = testContainer({
    JOB_SCHEDULES:
      'expire-conversations=off;retention=off;stuck-sweeper=off;panic-auto-resume=off;payment-reminders=off;trip-reminders=off;onboarding-resume=off;token-expiry-alerts=off',
    ...env,
  });
  ctx.container.bind(TYPES.Jobs).toConstantValue(job);
  return ctx.container;
}

async function waitFor(condition: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('job scheduler', () => {
  it('runs a tick once when two instances claim it at the same moment', async () => {
    const job = new TickRecorder();
    const [a, b] = [anInstance(job), anInstance(job)];
    const tick = new Date('2026-03-01T09:05:00Z');
    const results = await Promise.all(
      [a, b].map((c) => c.get(JobRunner).run(job, tick, { trigger: 'schedule' })),
    );
    expect(results.filter(Boolean)).to.have.length(1);
    expect(job.ticks).to.deep.equal([tick.toISOString()]);
    const rows = await knex()('job_runs').select('job', 'status', 'summary');
    expect(rows).to.deep.equal([{ job: 'record-ticks', status: 'succeeded', summary: { ran: 1 } }]);
  });

  it('two running schedulers on one database run each tick exactly once', async function () {
    this.timeout(15_000);
    const job = new TickRecorder();
    const schedulers = [anInstance(job), anInstance(job)].map((c) => c.get(JobScheduler));
    schedulers.forEach((s) => s.start());
    try {
      await waitFor(async () => job.ticks.length >= 3);
    } finally {
      await Promise.all(schedulers.map((s) => s.stop()));
    }
    expect(new Set(job.ticks).size).to.equal(job.ticks.length);
    const runs = await knex()('job_runs').where({ job: 'record-ticks' }).select('tick');
    expect(runs.map((r) => (r.tick as Date).toISOString()).sort()).to.deep.equal([...job.ticks].sort());
  });

  it('records a failing run and a schedule can turn a job off', async () => {
    const failing: Job = {
      name: 'always-fails',
      defaultSchedule: '* * * * *',
      description: 'fails',
      run: async () => {
        throw new Error('boom');
      },
    };
    const container = anInstance(failing, { JOB_SCHEDULES: 'always-fails=off' });
    const result = await container.get(JobRunner).run(failing, new Date(), { trigger: 'manual' });
    expect(result?.status).to.equal('failed');
    expect(await knex()('job_runs').first('status', 'error')).to.deep.equal({
      status: 'failed',
      error: 'boom',
    });
    expect(container.get(JobScheduler).schedules().get('always-fails')).to.equal('off');
  });

  it('refuses a schedule for a job nobody bound', () => {
    const ctx = testContainer({ JOB_SCHEDULES: 'no-such-job=* * * * *' });
    expect(() => ctx.container.get(JobScheduler).start()).to.throw(/unknown job\(s\): no-such-job/);
  });
});
