import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { QueueSmsFallback } from './application/QueueSmsFallback';
import { UpdateSmsFallback } from './application/UpdateSmsFallback';
import { KnexSmsFallbackSettings } from './infrastructure/KnexSmsFallbackSettings';

/** SMS fallback: the per-tenant setting and the SMS queued for a number not on WhatsApp. */
export const smsFallbackModule = new ContainerModule(({ bind }) => {
  bind(TYPES.SmsFallbackSettings).to(KnexSmsFallbackSettings);
  bind(TYPES.UpdateSmsFallback).to(UpdateSmsFallback);
  bind(TYPES.QueueSmsFallback).to(QueueSmsFallback);
});
