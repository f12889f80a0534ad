import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { EventRetentionJob } from './application/EventRetentionJob';
import { EventHub } from './infrastructure/EventHub';
import { EventSignal } from './infrastructure/EventSignal';
import { DEFAULT_EVENT_STREAM_OPTIONS } from './infrastructure/EventStreamOptions';
import { KnexEventLog } from './infrastructure/KnexEventLog';
import { KnexEventRetention } from './infrastructure/KnexEventRetention';

/** SPEC §18: the event log, its fan-out to SSE subscribers, its retention. */
export const eventsModule = new ContainerModule(({ bind }) => {
  bind(TYPES.EventLog).to(KnexEventLog);
  bind(TYPES.EventSignal).to(EventSignal);
  bind(TYPES.EventHub).to(EventHub);
  bind(TYPES.BackgroundWorkers).toService(TYPES.EventHub);
  bind(TYPES.EventStreamOptions).toConstantValue(DEFAULT_EVENT_STREAM_OPTIONS);
  bind(TYPES.EventRetention).to(KnexEventRetention);
  bind(TYPES.Jobs).to(EventRetentionJob);
});
