import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { AssignStaff } from './application/AssignStaff';
import { CreateTrip } from './application/CreateTrip';
import { GetTripStatus } from './application/GetTripStatus';
import { TripRemindersJob } from './application/TripRemindersJob';
import { UnassignStaff } from './application/UnassignStaff';
import { KnexStaffDirectory } from './infrastructure/KnexStaffDirectory';
import { KnexTripRepository } from './infrastructure/KnexTripRepository';

/** Trips, their staff and their status. */
export const tripModule = new ContainerModule(({ bind }) => {
  bind(TYPES.TripRepository).to(KnexTripRepository);
  bind(TYPES.StaffDirectory).to(KnexStaffDirectory);
  bind(TYPES.CreateTrip).to(CreateTrip);
  bind(TYPES.AssignStaff).to(AssignStaff);
  bind(TYPES.UnassignStaff).to(UnassignStaff);
  bind(TYPES.GetTripStatus).to(GetTripStatus);
  bind(TYPES.Jobs).to(TripRemindersJob);
});
