import { inject, injectable } from 'inversify';
import { ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { OptInRepository } from '../../optin/domain/OptIn';
import { authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { BroadcastRepository, RecipientStatus } from '../domain/Broadcast';

export interface BroadcastToTripInput {
  actor: Actor;
  tripCode: string;
  text: string;
}

/**
 * The `trip_broadcast` template to every customer booked on the trip who opted in; the rest are
 * recorded as skipped. Each recipient's message goes through the one outbound queue.
 */
@injectable()
export class BroadcastToTrip {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.BroadcastRepository) private readonly broadcasts: BroadcastRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(
    input: BroadcastToTripInput,
  ): Promise<{ broadcastId: string; queued: number; skipped: number }> {
    const text = input.text.trim();
    if (!text)
      throw new ValidationError('text is required', [{ field: 'text', message: 'must not be empty' }]);
    const { tenantId } = input.actor;
    const trip = await authorizeOnTrip(this.trips, input.actor, 'broadcast', input.tripCode);
    const language = (await this.tenants.findById(tenantId))?.defaultLanguage ?? 'en';
    const template = { name: 'trip_broadcast', language, params: [trip.code, text] };
    return this.unitOfWork.run(async () => {
      const broadcastId = await this.broadcasts.create({
        tenantId,
        template,
        tripId: trip.id,
        createdBy: actorLabel(input.actor),
      });
      const phones = await this.trips.customerPhones(tenantId, trip.id);
      let queued = 0;
      for (const phone of phones) {
        const consent = await this.optIns.statusOf(tenantId, phone);
        let status: RecipientStatus = consent === 'opted_out' ? 'skipped_opted_out' : 'skipped_no_opt_in';
        let messageId: string | undefined;
        if (consent === 'opted_in') {
          messageId = await this.outbound.enqueue({
            tenantId,
            to: phone,
            purpose: 'broadcast',
            template,
            context: { broadcastId },
          });
          [status, queued] = ['queued', queued + 1];
        }
        await this.broadcasts.addRecipient(tenantId, broadcastId, phone, status, messageId);
      }
      const skipped = phones.length - queued;
      await this.audit.record({
        tenantId,
        actor: actorLabel(input.actor),
        action: 'BROADCAST_QUEUED',
        entityType: 'trip',
        entityId: trip.id,
        details: { broadcastId, queued, skipped },
      });
      return { broadcastId, queued, skipped };
    });
  }
}
