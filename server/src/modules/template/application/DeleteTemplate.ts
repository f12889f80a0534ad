import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TemplateProviderGateway } from '../domain/TemplateProviderGateway';
import type { TemplateRepository } from '../domain/TemplateRepository';
import { auditTemplate } from './auditTemplate';

/**
 * Deleted at the provider first, then here: a provider refusal leaves both as they were. Messages
 * already queued with it fail at send time (TEMPLATE_NOT_APPROVED).
 */
@injectable()
export class DeleteTemplate {
  constructor(
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.TemplateProviderGateway) private readonly provider: TemplateProviderGateway,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, id }: { actor: Actor; id: string }): Promise<void> {
    assertAllowed(actor, 'manage_templates');
    const template = await this.templates.findById(actor.tenantId, id);
    if (!template) throw new NotFoundError('template', id);
    await this.provider.remove(template);
    await this.templates.delete(actor.tenantId, id);
    await auditTemplate(this.audit, actor, 'TEMPLATE_DELETED', template);
  }
}
