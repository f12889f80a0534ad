import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, type Actor } from '../../identity/domain/Actor';
import type { Template } from '../domain/Template';

/** One audit entry per change of a template by staff (TEMPLATE_CREATED, _UPDATED, _DELETED). */
export function auditTemplate(
  audit: AuditLog,
  actor: Actor,
  action: string,
  template: Template,
): Promise<void> {
  return audit.record({
    tenantId: actor.tenantId,
    actor: actorLabel(actor),
    action,
    entityType: 'template',
    entityId: template.id,
    details: { name: template.name, language: template.language, status: template.status },
  });
}
