import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { TemplateCategoryEvent } from '../../../shared/channel/InboundEvent';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { TEMPLATE_CATEGORIES, type TemplateCategory } from '../domain/TemplateContent';
import type { TemplateRepository } from '../domain/TemplateRepository';

const isCategory = (value: string): value is TemplateCategory =>
  (TEMPLATE_CATEGORIES as readonly string[]).includes(value);

/**
 * Meta's `template_category_update`: a completed recategorisation changes the template's category
 * (so the marketing opt-out rules follow it); an announced one (`correct_category`, effective in
 * 24 hours) is only audited. Runs in the inbox's processing transaction.
 */
@injectable()
export class ApplyTemplateCategory {
  constructor(
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute(tenantId: string, event: TemplateCategoryEvent): Promise<void> {
    const log = { tenantId, template: event.name, language: event.language };
    const announced = event.correctCategory !== undefined && event.previousCategory === undefined;
    const category = announced ? event.correctCategory! : event.newCategory;
    if (!isCategory(category)) return this.logger.warn({ ...log, category }, 'unknown template category');
    const id = announced
      ? (await this.templates.findByNameAndLanguage(tenantId, event.name, event.language))?.id
      : await this.templates.applyCategory({
          tenantId,
          providerTemplateId: event.providerTemplateId,
          name: event.name,
          language: event.language,
          category,
        });
    if (!id) return this.logger.warn(log, 'category update for a template this tenant does not have');
    await this.audit.record({
      tenantId,
      actor: 'meta',
      action: announced ? 'TEMPLATE_CATEGORY_CHANGE_ANNOUNCED' : 'TEMPLATE_CATEGORY_CHANGED',
      entityType: 'template',
      entityId: id,
      details: {
        name: event.name,
        language: event.language,
        from: announced ? event.newCategory : event.previousCategory,
        to: category,
        ...(event.effectiveAt && { effectiveAt: event.effectiveAt.toISOString() }),
      },
    });
  }
}
