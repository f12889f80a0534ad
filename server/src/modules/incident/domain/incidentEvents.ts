import type { NewEvent } from '../../events/domain/DomainEvent';
import type { Incident } from './Incident';

/** `incident.created` / `incident.updated` (SPEC §18), scoped to the trip: field staff see their trips'. */
export const incidentEvent = (
  type: 'incident.created' | 'incident.updated',
  incident: Incident,
  tripCode: string,
): NewEvent => ({
  tenantId: incident.tenantId,
  type,
  tripId: incident.tripId,
  data: {
    incidentId: incident.id,
    ref: incident.ref,
    tripId: incident.tripId,
    tripCode,
    status: incident.status,
    description: incident.description,
    reporterId: incident.reporterId ?? null,
  },
});
