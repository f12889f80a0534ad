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
  /** Twilio numbers: the ContentSid of the template written and approved in Twilio Content. */
  contentSid?: string;
}

/** Validates, submits to the tenant's provider (the console approves at once) and stores. */
@injectable()
export class CreateTemplate {
  constructor(
    @inject(TYPES.PublishTemplate) private readonly publish: PublishTemplate,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({ actor, template: definition, contentSid }: CreateTemplateInput): Promise<Template> {
    assertAllowed(actor, 'manage_templates');
    const draft = Template.draft(actor.tenantId, definition);
    const template = await this.publish.execute(
      contentSid ? { ...draft, providerTemplateId: contentSid } : draft,
    );
    await auditTemplate(this.audit, actor, 'TEMPLATE_CREATED', template);
    return template;
  }
}
