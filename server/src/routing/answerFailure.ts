import type { AuditLog } from '../modules/audit/domain/AuditLog';
import { actorLabel, type Actor } from '../modules/identity/domain/Actor';
import { BusinessRuleError, NotFoundError, PermissionError } from '../shared/errors/AppError';
import type { Replies } from './replies';

/**
 * A refused or impossible command becomes a polite answer, never a crash. Use cases check
 * permissions and rules before writing anything, so the surrounding transaction is still clean.
 * Refusals are audited. Anything else is a bug and propagates (the event is retried and logged).
 */
export async function answerFailure(
  error: unknown,
  actor: Actor,
  replies: Replies,
  audit: AuditLog,
  command: string,
): Promise<string> {
  if (error instanceof PermissionError) {
    await audit.record({
      tenantId: actor.tenantId,
      actor: actorLabel(actor),
      action: 'PERMISSION_DENIED',
      details: { command, role: actor.role, ...(error.details ?? {}) },
    });
    const tripCode = error.details?.tripCode;
    return error.details?.reason === 'NOT_ASSIGNED' && typeof tripCode === 'string'
      ? replies.notAssigned(tripCode)
      : replies.refused;
  }
  if (error instanceof NotFoundError) {
    const { entity, id } = error.details as { entity: string; id: string };
    if (entity === 'trip') return replies.unknownTrip(id);
    if (entity === 'quote') return replies.unknownQuote(id);
    if (entity === 'incident') return replies.unknownIncident(id);
    return replies.businessRule(error.message);
  }
  if (error instanceof BusinessRuleError) return replies.businessRule(error.message);
  throw error;
}
