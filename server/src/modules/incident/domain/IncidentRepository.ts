import type { Incident, NewIncident } from './Incident';
import type { IncidentUpdate, NewIncidentUpdate } from './IncidentUpdate';

export interface IncidentRepository {
  add(incident: NewIncident): Promise<Incident>;
  /** Unresolved (open or acknowledged) incidents of a trip, oldest first. */
  listOpenByTrip(tenantId: string, tripId: string): Promise<Incident[]>;
  /** The `lock…` reads hold the rows until the caller's transaction ends: two changes serialise. */
  lockOpenByTrip(tenantId: string, tripId: string): Promise<Incident[]>;
  lockByRef(tenantId: string, ref: string): Promise<Incident | undefined>;
  lockById(tenantId: string, id: string): Promise<Incident | undefined>;
  findByRef(tenantId: string, ref: string): Promise<Incident | undefined>;
  /** Writes the status and its acknowledgement and resolution fields. */
  save(incident: Incident): Promise<void>;
  addUpdate(update: NewIncidentUpdate): Promise<IncidentUpdate>;
  /** The incident's updates, newest first, with their authors' names. */
  listUpdates(tenantId: string, incidentId: string, limit: number): Promise<IncidentUpdate[]>;
}
