import type { Incident, NewIncident } from './Incident';

export interface IncidentRepository {
  add(incident: NewIncident): Promise<Incident>;
  /** Open incidents of a trip, oldest first. */
  listOpenByTrip(tenantId: string, tripId: string): Promise<Incident[]>;
  /** The `lock…` reads hold the rows until the caller's transaction ends: two resolutions serialise. */
  lockOpenByTrip(tenantId: string, tripId: string): Promise<Incident[]>;
  lockByRef(tenantId: string, ref: string): Promise<Incident | undefined>;
  lockById(tenantId: string, id: string): Promise<Incident | undefined>;
  /** Writes the resolution fields of a resolved incident. */
  saveResolution(incident: Incident): Promise<void>;
}
