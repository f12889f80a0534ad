import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { Template } from '../domain/Template';
import type { TemplateCategory, TemplateContent } from '../domain/TemplateContent';
import type { TemplateProviderGateway } from '../domain/TemplateProviderGateway';
import type { TemplateRepository } from '../domain/TemplateRepository';
import { auditTemplate } from './auditTemplate';

export interface UpdateTemplateInput {
  actor: Actor;
  id: string;
  /** Name and language identify a template at the provider and cannot change. */
  changes: Partial<TemplateContent> & { category?: TemplateCategory };
}

/** New content goes to the provider for review again; until it decides, the template is PENDING. */
@injectable()
export class UpdateTemplate {
  constructor(
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.TemplateProviderGateway) private readonly provider: TemplateProviderGateway,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, id, changes }: UpdateTemplateInput): Promise<Template> {
    assertAllowed(actor, 'manage_templates');
    const template = await this.templates.findById(actor.tenantId, id);
    if (!template) throw new NotFoundError('template', id);
    template.revise(changes);
    const result = await this.provider.revise(template);
    template.submitted(result.providerTemplateId, result.status);
    await this.templates.update(template);
    await auditTemplate(this.audit, actor, 'TEMPLATE_UPDATED', template);
    return template;
  }
}
