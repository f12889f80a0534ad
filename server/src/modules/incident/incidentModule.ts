import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { AttachTripMedia } from './application/AttachTripMedia';
import { CheckIn } from './application/CheckIn';
import { GetIncidentStatus } from './application/GetIncidentStatus';
import { IncidentNotices } from './application/IncidentNotices';
import { ReportIncident } from './application/ReportIncident';
import { ResolveIncidents } from './application/ResolveIncidents';
import { UpdateIncident } from './application/UpdateIncident';
import { KnexCheckInRepository } from './infrastructure/KnexCheckInRepository';
import { KnexIncidentRepository } from './infrastructure/KnexIncidentRepository';

/** Field work on trips: check-ins, incidents, media from the field. */
export const incidentModule = new ContainerModule(({ bind }) => {
  bind(TYPES.IncidentRepository).to(KnexIncidentRepository);
  bind(TYPES.CheckInRepository).to(KnexCheckInRepository);
  bind(TYPES.CheckIn).to(CheckIn);
  bind(TYPES.ReportIncident).to(ReportIncident);
  bind(TYPES.ResolveIncidents).to(ResolveIncidents);
  bind(TYPES.AttachTripMedia).to(AttachTripMedia);
  bind(TYPES.UpdateIncident).to(UpdateIncident);
  bind(TYPES.IncidentNotices).to(IncidentNotices);
  bind(TYPES.GetIncidentStatus).to(GetIncidentStatus);
});
