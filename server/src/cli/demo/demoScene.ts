import type { Container } from 'inversify';
import type { JobRunner } from '../../jobs/JobRunner';
import type { Actor } from '../../modules/identity/domain/Actor';
import type { Tenant } from '../../modules/identity/domain/Tenant';
import type { Database } from '../../shared/db/Database';
import type { DemoChannel } from './demoChannel';
import type { StaffKey } from './demoCast';

/** What every act of the scripted day works with. */
export interface DemoScene {
  container: Container;
  db: Database;
  tenant: Tenant;
  actors: Record<StaffKey, Actor>;
  channel: DemoChannel;
  /** Prints a step of the day. */
  step(text: string): void;
  /** YYYY-MM-DD of the trip. */
  departure: string;
  /** Secret of the generic payment webhook, set in the tenant's payment settings. */
  paymentWebhookSecret: string;
  /** Runs a job as if it were `at`, like `wa-ops jobs run` at that moment. */
  runJobAt(name: string, at: Date): ReturnType<JobRunner['run']>;
}
