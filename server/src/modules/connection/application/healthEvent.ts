import type { NewEvent } from '../../events/domain/DomainEvent';
import type { WhatsappConfiguration } from '../domain/WhatsappConfiguration';

/**
 * `connection.health` (SPEC §18): a connection's status or health changed (a test, an account
 * event). It carries what a console row shows; secrets never.
 */
export const healthEvent = (c: WhatsappConfiguration): NewEvent => ({
  tenantId: c.tenantId,
  type: 'connection.health',
  data: {
    connectionId: c.id,
    status: c.status,
    qualityRating: c.qualityRating,
    messagingLimitTier: c.messagingLimitTier ?? null,
    health: c.health,
  },
});
