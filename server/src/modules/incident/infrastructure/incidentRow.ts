import { Incident, type IncidentStatus } from '../domain/Incident';

export interface IncidentRow {
  id: string;
  tenant_id: string;
  ref: string;
  trip_id: string;
  reporter_id: string | null;
  description: string;
  status: string;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolution_note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

export const toIncident = (r: IncidentRow): Incident =>
  new Incident({
    id: r.id,
    tenantId: r.tenant_id,
    ref: r.ref,
    tripId: r.trip_id,
    reporterId: r.reporter_id ?? undefined,
    description: r.description,
    reportedAt: r.created_at,
    status: r.status as IncidentStatus,
    acknowledgedBy: r.acknowledged_by ?? undefined,
    acknowledgedAt: r.acknowledged_at ?? undefined,
    resolutionNote: r.resolution_note ?? undefined,
    resolvedBy: r.resolved_by ?? undefined,
    resolvedAt: r.resolved_at ?? undefined,
  });
