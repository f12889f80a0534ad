import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import { Template } from '../domain/Template';
import type { TemplateDefinition } from '../domain/TemplateContent';
import { auditTemplate } from './auditTemplate';
import type { PublishTemplate } from './PublishTemplate';

export interface CreateTemplateInput {
  actor: Actor;
  template: TemplateDefinition;
}

/** Validates, submits to the tenant's provider (the console approves at once) and stores. */
@injectable()
export class CreateTemplate {
  constructor(
    @inject(TYPES.PublishTemplate) private readonly publish: PublishTemplate,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, template: definition }: CreateTemplateInput): Promise<Template> {
    assertAllowed(actor, 'manage_templates');
    const template = await this.publish.execute(Template.draft(actor.tenantId, definition));
    await auditTemplate(this.audit, actor, 'TEMPLATE_CREATED', template);
    return template;
  }
}
