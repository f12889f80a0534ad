import crypto from 'node:crypto';
import { startPrivatePostgres, type PrivatePostgres } from '../../support/process/privatePostgres';

let cluster: PrivatePostgres | undefined;

/** The suite's own PostgreSQL cluster (tests may stop and restart it; no shared server is touched). */
export function privateCluster(): PrivatePostgres {
  if (!cluster) throw new Error('resilience hooks not loaded (run through npm run test:resilience)');
  return cluster;
}

/** A fresh, empty database on the private cluster; the server migrates it on start. */
export function freshDatabase(label: string): Promise<string> {
  return privateCluster().createDatabase(`wa_ops_${label}_${crypto.randomBytes(3).toString('hex')}`);
}

/**
 * `full` (npm run test:resilience, by hand: about ten minutes) runs every scenario; `quick`
 * (RESILIENCE_PROFILE=quick, CI: about three minutes) runs the fuzzing with fewer cases and the
 * two-instance scenario, and skips the scenarios that must wait out leases and cooldowns.
 */
export const PROFILE: 'quick' | 'full' = process.env.RESILIENCE_PROFILE === 'quick' ? 'quick' : 'full';
export const byProfile = <T>(quick: T, full: T): T => (PROFILE === 'full' ? full : quick);

/** A scenario that waits out a lease (60 s) or a cooldown (1 min): full profile only. */
export function slowScenario(title: string, fn: (this: Mocha.Suite) => void): void {
  if (PROFILE === 'full') describe(title, fn);
  else describe.skip(title, fn);
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    cluster = await startPrivatePostgres();
  },
  async afterAll(this: Mocha.Context) {
    this.timeout(60_000);
    await cluster?.destroy();
  },
};
