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

/** `quick` (CI) runs each scenario with less traffic and fewer faults than `full` (by hand). */
export const PROFILE: 'quick' | 'full' = process.env.RESILIENCE_PROFILE === 'full' ? 'full' : 'quick';
export const byProfile = <T>(quick: T, full: T): T => (PROFILE === 'full' ? full : quick);

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
