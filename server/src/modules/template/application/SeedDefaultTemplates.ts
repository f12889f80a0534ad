import { inject, injectable } from 'inversify';
import { AppError, NotFoundError } from '../../../shared/errors/AppError';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import {
  DEFAULT_TEMPLATES,
  defaultTemplateDefinition,
  hasDefaultWording,
  type DefaultTemplateName,
} from '../domain/defaultTemplates';
import { Template } from '../domain/Template';
import type { TemplateStatus } from '../domain/TemplateStatus';
import type { TemplateRepository } from '../domain/TemplateRepository';
import { normalizeLanguage } from '../domain/validateTemplate';
import type { PublishTemplate } from './PublishTemplate';

export interface SeedResult {
  language: string;
  created: Array<{ name: string; status: TemplateStatus }>;
  existing: string[];
  failed: Array<{ name: string; code: string; message: string }>;
}

/**
 * The default templates (SPEC §9, `login_code` of §20, `account_alert` of §15) in the tenant's language, `en` when the tenant has none
 * we have wording for. Idempotent: templates the tenant already has are left alone; one that the
 * provider refuses does not stop the others.
 */
@injectable()
export class SeedDefaultTemplates {
  constructor(
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.PublishTemplate) private readonly publish: PublishTemplate,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute({ tenantId }: { tenantId: string }): Promise<SeedResult> {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw new NotFoundError('tenant', tenantId);
    const language = hasDefaultWording(tenant.defaultLanguage)
      ? normalizeLanguage(tenant.defaultLanguage)
      : 'en';
    const result: SeedResult = { language, created: [], existing: [], failed: [] };
    for (const name of Object.keys(DEFAULT_TEMPLATES) as DefaultTemplateName[]) {
      if (await this.templates.findByNameAndLanguage(tenantId, name, language)) {
        result.existing.push(name);
        continue;
      }
      try {
        const template = await this.publish.execute(
          Template.draft(tenantId, defaultTemplateDefinition(name, language)),
        );
        result.created.push({ name, status: template.status });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'TEMPLATE_EXISTS') result.existing.push(name);
        else result.failed.push({ name, code: error.code, message: error.message });
      }
    }
    this.logger.info(
      { tenantId, language, created: result.created.length, failed: result.failed.length },
      'default templates seeded',
    );
    return result;
  }
}
