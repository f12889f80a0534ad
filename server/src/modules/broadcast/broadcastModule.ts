import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { BroadcastToTrip } from './application/BroadcastToTrip';
import { KnexBroadcastRepository } from './infrastructure/KnexBroadcastRepository';

export const broadcastModule = new ContainerModule(({ bind }) => {
  bind(TYPES.BroadcastRepository).to(KnexBroadcastRepository);
  bind(TYPES.BroadcastToTrip).to(BroadcastToTrip);
});
