import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { incidentEvent } from '../domain/incidentEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Tenant } from '../../identity/domain/Tenant';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { notification } from '../../message/domain/notification';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { Incident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';
import { alertOperations } from './alertOperations';
import { incidentsToResolve, type ResolveTarget } from './incidentsToResolve';

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
  /** Operations and manager users alerted (the resolver excepted). */
  alerted: number;
  customersNotified: number;
}

@injectable()
export class ResolveIncidents {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.IncidentRepository) private readonly incidents: IncidentRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: ResolveIncidentsInput): Promise<ResolveIncidentsOutput> {
    const { actor } = input;
    assertAllowed(actor, 'resolve_incident');
    const customerMessage = input.notifyCustomers ? requiredMessage(input.message) : undefined;
    return this.unitOfWork.run(async () => {
      const { trip, incidents } = await incidentsToResolve(this.trips, this.incidents, actor, input);
      const at = this.clock.now();
      for (const incident of incidents) incident.resolve(input.note, actor.userId, at);
      for (const incident of incidents) await this.record(actor, trip, incident);
      await this.events.append(incidents.map((i) => incidentEvent('incident.updated', i, trip.code)));
      const tenant = await this.tenants.findById(actor.tenantId);
      if (!tenant) throw new NotFoundError('tenant', actor.tenantId);
      const refs = incidents.map((i) => i.ref).join(', ');
      const note = incidents[0].resolutionNote;
      const alerted = await alertOperations(this.staff, this.outbound, {
        tenantId: tenant.id,
        template: 'incident_update',
        params: [trip.code, refs, note ? `Resolved: ${note}` : 'Resolved'],
        language: tenant.defaultLanguage,
        exceptUserId: actor.userId,
        context: { tripCode: trip.code, incidentRefs: refs },
      });
      const customersNotified = customerMessage
        ? await this.notifyCustomers(tenant, trip, [trip.code, refs, customerMessage])
        : 0;
      return { trip, resolved: incidents, alerted, customersNotified };
    });
  }

  private async notifyCustomers(tenant: Tenant, trip: Trip, params: string[]): Promise<number> {
    const phones = await this.trips.customerPhones(tenant.id, trip.id);
    for (const phone of phones)
      await this.outbound.enqueue(
        notification(tenant.id, phone, 'incident_update', params, tenant.defaultLanguage, {
          tripCode: trip.code,
        }),
      );
    return phones.length;
  }

  private async record(actor: Actor, trip: Trip, incident: Incident): Promise<void> {
    await this.incidents.saveResolution(incident);
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

function requiredMessage(message: string | undefined): string {
  const text = message?.trim();
  if (!text)
    throw new ValidationError('A message for the customers is required', [
      { field: 'message', message: 'required when notifyCustomers is true' },
    ]);
  return text;
}
