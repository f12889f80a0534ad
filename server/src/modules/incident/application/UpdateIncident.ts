import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Trip } from '../../trip/domain/Trip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { Incident } from '../domain/Incident';
import type { IncidentRepository } from '../domain/IncidentRepository';
import type { IncidentUpdate } from '../domain/IncidentUpdate';
import { incidentEvent } from '../domain/incidentEvents';
import { customerMessageFor } from './customerMessageFor';
import { lockTargetIncidents, type IncidentTarget } from './lockTargetIncidents';
import type { IncidentNotices } from './IncidentNotices';

export type UpdateIncidentInput = IncidentTarget & {
  actor: Actor;
  /**
   * `required`: REST `status: acknowledged`, refused unless the incident is open. `if_open`:
   * WhatsApp `UPDATE INC-7 …` acknowledges an open incident on the way.
   */
  acknowledge?: 'required' | 'if_open';
  /** A progress note ("backup van on the way"). */
  note?: string;
  notifyCustomers?: boolean;
  message?: string;
};

export interface UpdateIncidentOutput {
  incident: Incident;
  trip: Trip;
  update: IncidentUpdate;
  /** Staff told (the reporter, unless they made the update). */
  alerted: number;
  customersNotified: number;
}

/** `PATCH /incidents/:id` (acknowledge, note) and `UPDATE INC-7 <text>`: operations and managers. */
@injectable()
export class UpdateIncident {
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

  async execute(input: UpdateIncidentInput): Promise<UpdateIncidentOutput> {
    const { actor } = input;
    assertAllowed(actor, 'manage_incidents');
    const note = input.note?.trim() || undefined;
    if (!note && !input.acknowledge)
      throw new ValidationError('Give a note or a status', [{ field: 'note', message: 'required' }]);
    const customerMessage = customerMessageFor(input);
    return this.unitOfWork.run(async () => {
      const { trip, incidents } = await lockTargetIncidents(
        this.trips,
        this.incidents,
        actor,
        input,
        'manage_incidents',
      );
      const [incident] = incidents;
      const kind = this.apply(incident, input.acknowledge, actor);
      const { staffNotified, customersNotified } = await this.notices.send({
        trip,
        actor,
        refs: incident.ref,
        kind: kind,
        note,
        reporterIds: [incident.reporterId],
        toOperations: false,
        customerMessage,
      });
      if (kind === 'acknowledged') await this.incidents.save(incident);
      const update = await this.incidents.addUpdate({
        tenantId: actor.tenantId,
        incidentId: incident.id,
        kind,
        authorId: actor.userId,
        note,
        customerMessage,
        customersNotified,
      });
      await this.record(actor, trip, incident, update);
      await this.events.append([incidentEvent('incident.updated', incident, trip.code)]);
      return { incident, trip, update, alerted: staffNotified, customersNotified };
    });
  }

  /** The acknowledgement asked for, or a note (which needs the incident to be unresolved). */
  private apply(incident: Incident, acknowledge: UpdateIncidentInput['acknowledge'], actor: Actor) {
    if (acknowledge === 'required' || (acknowledge === 'if_open' && incident.status === 'open')) {
      incident.acknowledge(actor.userId, this.clock.now());
      return 'acknowledged' as const;
    }
    incident.assertUnresolved();
    return 'note' as const;
  }

  private async record(actor: Actor, trip: Trip, incident: Incident, update: IncidentUpdate): Promise<void> {
    const by = { tenantId: actor.tenantId, actor: actorLabel(actor) };
    const action = update.kind === 'acknowledged' ? 'INCIDENT_ACKNOWLEDGED' : 'INCIDENT_UPDATED';
    const content = {
      action,
      incidentRef: incident.ref,
      note: update.note,
      ...(update.customersNotified ? { customersNotified: update.customersNotified } : {}),
    };
    const entry = {
      ...by,
      source: actor.source,
      eventType: update.kind === 'acknowledged' ? ('INCIDENT' as const) : ('NOTE' as const),
      content,
    };
    await this.timeline.add({ ...entry, entityType: 'trip', entityId: trip.id });
    await this.timeline.add({ ...entry, entityType: 'incident', entityId: incident.id });
    await this.audit.record({
      ...by,
      action,
      entityType: 'incident',
      entityId: incident.id,
      details: { ref: incident.ref, tripCode: trip.code, customersNotified: update.customersNotified },
    });
  }
}
