import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { TemplateRepository, TemplateStatusChange } from '../domain/TemplateStatus';

@injectable()
export class KnexTemplateRepository implements TemplateRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  /** Matched by the provider's id, or by name and language for templates submitted before the id was known. */
  async applyStatus(c: TemplateStatusChange): Promise<boolean> {
    const updated = await this.db
      .q('whatsapp_templates')
      .where({ tenant_id: c.tenantId })
      .andWhere((w) =>
        w
          .where({ provider_template_id: c.providerTemplateId })
          .orWhere({ name: c.name, language: c.language }),
      )
      .update({
        status: c.status,
        provider_template_id: c.providerTemplateId,
        rejection_reason: c.status === 'REJECTED' ? (c.reason ?? null) : null,
        updated_at: this.db.knex.fn.now(),
      });
    return Number(updated) > 0;
  }
}
