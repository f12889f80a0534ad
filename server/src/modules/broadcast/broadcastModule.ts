import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { AddBroadcastListMembers } from './application/AddBroadcastListMembers';
import { BroadcastToTrip } from './application/BroadcastToTrip';
import { CreateBroadcastList } from './application/CreateBroadcastList';
import { GetBroadcast } from './application/GetBroadcast';
import { ListBroadcastLists } from './application/ListBroadcastLists';
import { SendBroadcast } from './application/SendBroadcast';
import { KnexBroadcastListRepository } from './infrastructure/KnexBroadcastListRepository';
import { KnexBroadcastRepository } from './infrastructure/KnexBroadcastRepository';

export const broadcastModule = new ContainerModule(({ bind }) => {
  bind(TYPES.BroadcastRepository).to(KnexBroadcastRepository);
  bind(TYPES.BroadcastListRepository).to(KnexBroadcastListRepository);
  bind(TYPES.CreateBroadcastList).to(CreateBroadcastList);
  bind(TYPES.ListBroadcastLists).to(ListBroadcastLists);
  bind(TYPES.AddBroadcastListMembers).to(AddBroadcastListMembers);
  bind(TYPES.SendBroadcast).to(SendBroadcast);
  bind(TYPES.GetBroadcast).to(GetBroadcast);
  bind(TYPES.BroadcastToTrip).to(BroadcastToTrip);
});
