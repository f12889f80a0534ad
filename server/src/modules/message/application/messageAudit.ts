import type { AuditEntry } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';

/** Who queued which message (MESSAGE_QUEUED, MESSAGE_RETRIED): its id and type, never its content. */
export function messageAudit(actor: Actor, action: string, messageId: string, type: string): AuditEntry {
  return {
    tenantId: actor.tenantId,
    actor: actorLabel(actor),
    action,
    entityType: 'message',
    entityId: messageId,
    details: { type },
  };
}
