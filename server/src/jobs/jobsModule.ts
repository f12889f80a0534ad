import { ContainerModule } from 'inversify';
import { TYPES } from '../types';
import { JobRunLog } from './JobRunLog';
import { JobRunner } from './JobRunner';
import { JobScheduler } from './JobScheduler';
import { RetentionJob } from './retention/RetentionJob';
import { KnexRetentionStore } from './retention/KnexRetentionStore';

/** The scheduler, the run log, and the retention job. */
export const jobsModule = new ContainerModule(({ bind }) => {
  bind(JobRunLog).toSelf();
  bind(JobRunner).toSelf();
  bind(JobScheduler).toSelf();
  bind(TYPES.BackgroundWorkers).toService(JobScheduler);
  bind(KnexRetentionStore).toSelf();
  bind(TYPES.Jobs).to(RetentionJob);
});
