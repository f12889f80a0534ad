import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { incidentEvent } from '../domain/incidentEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { Incident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';
import { customerMessageFor } from './customerMessageFor';
import { lockTargetIncidents, type ResolveTarget } from './lockTargetIncidents';
import type { IncidentNotices } from './IncidentNotices';

export type ResolveIncidentsInput = ResolveTarget & {
  actor: Actor;
  note?: string;
  /** REST only: also send `message` to the trip's customers (incident_update). */
  notifyCustomers?: boolean;
  message?: string;
};

export interface ResolveIncidentsOutput {
  trip: Trip;
  resolved: Incident[];
  /** Staff told: operations, managers and the reporters (the resolver excepted). */
  alerted: number;
  customersNotified: number;
}

@injectable()
export class ResolveIncidents {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.IncidentNotices) private readonly notices: IncidentNotices,
  ) {}

  async execute(input: ResolveIncidentsInput): Promise<ResolveIncidentsOutput> {
    const { actor } = input;
    assertAllowed(actor, 'resolve_incident');
    const customerMessage = customerMessageFor(input);
    return this.unitOfWork.run(async () => {
      const { trip, incidents } = await lockTargetIncidents(
        this.trips,
        this.incidents,
        actor,
        input,
        'resolve_incident',
      );
      const at = this.clock.now();
      for (const incident of incidents) incident.resolve(input.note, actor.userId, at);
      const note = incidents[0].resolutionNote;
      const { staffNotified, customersNotified } = await this.notices.send({
        trip,
        actor,
        refs: incidents.map((i) => i.ref).join(', '),
        kind: 'resolved',
        note,
        reporterIds: incidents.map((i) => i.reporterId),
        toOperations: true,
        customerMessage,
      });
      for (const incident of incidents)
        await this.record(actor, trip, incident, customerMessage, customersNotified);
      await this.events.append(incidents.map((i) => incidentEvent('incident.updated', i, trip.code)));
      return { trip, resolved: incidents, alerted: staffNotified, customersNotified };
    });
  }

  private async record(
    actor: Actor,
    trip: Trip,
    incident: Incident,
    customerMessage: string | undefined,
    customersNotified: number,
  ): Promise<void> {
    await this.incidents.save(incident);
    await this.incidents.addUpdate({
      tenantId: actor.tenantId,
      incidentId: incident.id,
      kind: 'resolved',
      authorId: actor.userId,
      note: incident.resolutionNote,
      customerMessage,
      customersNotified,
    });
    const by = { tenantId: actor.tenantId, actor: actorLabel(actor) };
    const content = { action: 'INCIDENT_RESOLVED', incidentRef: incident.ref, note: incident.resolutionNote };
    const entry = { ...by, source: actor.source, eventType: 'INCIDENT' as const, content };
    await this.timeline.add({ ...entry, entityType: 'trip', entityId: trip.id });
    await this.timeline.add({ ...entry, entityType: 'incident', entityId: incident.id });
    await this.audit.record({
      ...by,
      action: 'INCIDENT_RESOLVED',
      entityType: 'incident',
      entityId: incident.id,
      details: { ref: incident.ref, tripCode: trip.code },
    });
  }
}
