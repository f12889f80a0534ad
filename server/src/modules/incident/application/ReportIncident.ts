import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { RefAllocator } from '../../../shared/refs/RefAllocator';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { incidentEvent } from '../domain/incidentEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';
import type { TripRepository } from '../../trip/domain/TripRepository';
import { Incident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';
import { alertOperations } from './alertOperations';

export interface ReportIncidentInput {
  actor: Actor;
  tripCode: string;
  description: string;
}

export interface ReportIncidentOutput {
  incident: Incident;
  /** Operations and manager users alerted. */
  alerted: number;
}

@injectable()
export class ReportIncident {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
    @inject(TYPES.RefAllocator) private readonly refs: RefAllocator,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute({ actor, tripCode, description }: ReportIncidentInput): Promise<ReportIncidentOutput> {
    return this.unitOfWork.run(async () => {
      const trip = await authorizeOnTrip(this.trips, actor, 'report_incident', tripCode);
      const draft = Incident.report({
        tenantId: actor.tenantId,
        tripId: trip.id,
        reporterId: actor.userId,
        description,
        reportedAt: this.clock.now(),
      });
      const tenant = await this.tenants.findById(actor.tenantId);
      if (!tenant) throw new NotFoundError('tenant', actor.tenantId);
      const incident = await this.incidents.add({ ...draft, ref: await this.refs.next(tenant.id, 'INC') });
      const by = { tenantId: tenant.id, actor: actorLabel(actor) };
      const content = {
        action: 'INCIDENT_CREATED',
        incidentRef: incident.ref,
        description: incident.description,
      };
      const entry = { ...by, source: actor.source, content };
      await this.timeline.add({ ...entry, entityType: 'trip', entityId: trip.id, eventType: 'INCIDENT' });
      await this.timeline.add({
        ...entry,
        entityType: 'incident',
        entityId: incident.id,
        eventType: 'SYSTEM',
      });
      await this.audit.record({
        ...by,
        action: 'INCIDENT_REPORTED',
        entityType: 'incident',
        entityId: incident.id,
        details: { ref: incident.ref, tripCode: trip.code },
      });
      await this.events.append([incidentEvent('incident.created', incident, trip.code)]);
      const alerted = await alertOperations(this.staff, this.outbound, {
        tenantId: tenant.id,
        template: 'incident_alert',
        params: [trip.code, incident.ref, incident.description, await this.reporterName(actor)],
        language: tenant.defaultLanguage,
        exceptUserId: actor.userId,
        context: { tripCode: trip.code, incidentRef: incident.ref },
      });
      return { incident, alerted };
    });
  }

  private async reporterName(actor: Actor): Promise<string> {
    if (actor.name) return actor.name;
    const user = actor.userId ? await this.staff.findById(actor.tenantId, actor.userId) : undefined;
    return user?.name ?? actor.phone ?? actorLabel(actor);
  }
}
