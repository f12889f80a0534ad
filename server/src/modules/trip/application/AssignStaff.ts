import { inject, injectable } from 'inversify';
import { BusinessRuleError, NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { User } from '../../identity/domain/User';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import { staffAlert } from '../../message/domain/notification';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { isAssignableRole } from '../domain/AssignedStaff';
import type { StaffDirectory } from '../domain/StaffDirectory';
import type { Trip } from '../domain/Trip';
import type { TripRepository } from '../domain/TripRepository';
import { authorizeOnTrip } from './authorizeOnTrip';

export interface AssignStaffInput {
  actor: Actor;
  tripCode: string;
  userId: string;
}

export interface AssignStaffOutput {
  trip: Trip;
  user: User;
  /** false when the user was assigned already (nothing changed). */
  assigned: boolean;
}

@injectable()
export class AssignStaff {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, tripCode, userId }: AssignStaffInput): Promise<AssignStaffOutput> {
    return this.unitOfWork.run(async () => {
      const trip = await authorizeOnTrip(this.trips, actor, 'assign_staff', tripCode);
      const user = await this.staff.findById(actor.tenantId, userId);
      if (!user?.active) throw new NotFoundError('user', userId);
      if (!isAssignableRole(user.role))
        throw new BusinessRuleError(
          'ROLE_NOT_ASSIGNABLE',
          `A ${user.role} user cannot be assigned to a trip`,
          {
            userId,
            role: user.role,
          },
        );
      const assigned = await this.trips.addAssignment(actor.tenantId, trip.id, user.id);
      if (!assigned) return { trip, user, assigned };
      const entry = { action: 'STAFF_ASSIGNED', userId: user.id, name: user.name, role: user.role };
      await this.timeline.add({
        tenantId: actor.tenantId,
        entityType: 'trip',
        entityId: trip.id,
        eventType: 'SYSTEM',
        source: actor.source,
        actor: actorLabel(actor),
        content: entry,
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'STAFF_ASSIGNED',
        entityType: 'trip',
        entityId: trip.id,
        details: { tripCode: trip.code, userId: user.id },
      });
      if (user.id !== actor.userId) await this.tellAssignee(trip, user);
      return { trip, user, assigned };
    });
  }

  /** trip_assignment [staffName, tripCode, tripName, departureDate] (SPEC §22). */
  private async tellAssignee(trip: Trip, user: User): Promise<void> {
    const tenant = await this.tenants.findById(trip.tenantId);
    if (!tenant) throw new NotFoundError('tenant', trip.tenantId);
    await this.outbound.enqueue(
      staffAlert(
        tenant.id,
        user.phone,
        'trip_assignment',
        [user.name, trip.code, trip.name, trip.departureDate],
        tenant.defaultLanguage,
        { tripCode: trip.code },
      ),
    );
  }
}
