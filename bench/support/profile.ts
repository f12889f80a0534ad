import { performance } from 'node:perf_hooks';
import type { Knex } from 'knex';
import { Client } from 'pg';
import { processTicks, sampleCpu, type CpuSample } from './cpuUsage';

/**
 * Where a bench run's time goes: the SQL statements the app sent (by shape), how busy the Node event
 * loop was, and what the app's PostgreSQL sessions were doing (sampled from pg_stat_activity:
 * running, idle in transaction = waiting on Node, or waiting on a lock).
 */
export class PipelineProfile {
  private readonly shapes = new Map<string, number>();
  private queries = 0;
  private readonly states = new Map<string, number>();
  private samples = 0;
  private sampler?: NodeJS.Timeout;
  private sampling?: Promise<unknown>;
  private elu = performance.eventLoopUtilization();
  private cpu = process.cpuUsage();
  private machine?: CpuSample;
  /** CPU ticks of the app's PostgreSQL backends: at their first sighting (0 if they started during the run) and last. */
  private readonly backends = new Map<number, { first: number; last: number }>();
  private startedAt = performance.now();
  private readonly onQuery = (q: { sql: string }) => {
    this.queries++;
    const shape = q.sql
      .replace(/\s+/g, ' ')
      .replace(/\(\?(, ?\?)*\)/g, '(…)')
      .slice(0, 110);
    this.shapes.set(shape, (this.shapes.get(shape) ?? 0) + 1);
  };

  private constructor(
    private readonly knex: Knex,
    private readonly monitor: Client,
    private readonly database: string,
  ) {}

  static async start(knex: Knex, url: string): Promise<PipelineProfile> {
    const monitor = new Client({ connectionString: url, application_name: 'wa-ops-bench-monitor' });
    await monitor.connect();
    const profile = new PipelineProfile(knex, monitor, new URL(url).pathname.slice(1));
    knex.on('query', profile.onQuery);
    profile.elu = performance.eventLoopUtilization();
    profile.cpu = process.cpuUsage();
    profile.machine = sampleCpu([process.pid]);
    profile.startedAt = performance.now();
    profile.sampler = setInterval(() => profile.sample(), 10);
    return profile;
  }

  private sample(): void {
    if (this.sampling) return;
    this.sampling = this.monitor
      .query<{ pid: number; state: string | null; wait: string | null }>(
        `SELECT pid, state, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity
          WHERE datname = $1 AND application_name = 'wa-ops'`,
        [this.database],
      )
      .then(({ rows }) => {
        const firstSample = this.samples++ === 0;
        for (const r of rows) {
          const ticks = processTicks(String(r.pid));
          const known = this.backends.get(r.pid);
          if (known) known.last = ticks;
          else this.backends.set(r.pid, { first: firstSample ? ticks : 0, last: ticks });
          const key = r.state === 'active' && r.wait ? `active, waiting ${r.wait}` : (r.state ?? 'unknown');
          this.states.set(key, (this.states.get(key) ?? 0) + 1);
        }
      })
      .finally(() => (this.sampling = undefined));
  }

  async stop(events: number): Promise<void> {
    clearInterval(this.sampler);
    await this.sampling;
    this.knex.off('query', this.onQuery);
    const elu = performance.eventLoopUtilization(this.elu);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const cpu = process.cpuUsage(this.cpu);
    const machine = sampleCpu([process.pid]);
    await this.monitor.end();
    console.log(
      `\nprofile    ${this.queries} queries for ${events} events → ${(this.queries / events).toFixed(1)} queries/event; ` +
        `Node event loop busy ${(elu.utilization * 100).toFixed(0)} %`,
    );
    if (this.machine && machine) {
      // /proc ticks are 1/100 s. PostgreSQL here is the app's own backends (not the WAL writer etc.).
      const ticks = (k: keyof CpuSample) => (machine[k] - this.machine![k]) / 100;
      const node = (cpu.user + cpu.system) / 1e6;
      const postgres = [...this.backends.values()].reduce((sum, b) => sum + b.last - b.first, 0) / 100;
      console.log(
        `  CPU over ${seconds.toFixed(1)} s: Node ${node.toFixed(1)} s, PostgreSQL backends ${postgres.toFixed(1)} s, ` +
          `everything else ${(ticks('busy') - node - postgres).toFixed(1)} s, idle ${(ticks('total') - ticks('busy')).toFixed(1)} s ` +
          `(per event: Node ${((node / events) * 1000).toFixed(2)} ms, PostgreSQL ${((postgres / events) * 1000).toFixed(2)} ms)`,
      );
    }
    console.log('  app sessions in pg_stat_activity (average number per sample):');
    for (const [state, n] of [...this.states].sort((a, b) => b[1] - a[1]))
      console.log(`    ${(n / this.samples).toFixed(2).padStart(6)}  ${state}`);
    console.log('  statements per event:');
    for (const [shape, n] of [...this.shapes].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`    ${(n / events).toFixed(2).padStart(6)}  ${shape}`);
  }
}
