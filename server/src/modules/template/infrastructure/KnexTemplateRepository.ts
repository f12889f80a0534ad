import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { isUuid } from '../../lead/domain/isUuid';
import type { NewTemplate, Template } from '../domain/Template';
import type {
  TemplateFilter,
  TemplatePage,
  TemplateRepository,
  TemplateCategoryChange,
  TemplateStatusChange,
} from '../domain/TemplateRepository';
import { templateColumns, toTemplate, type TemplateRow } from './templateRow';

@injectable()
export class KnexTemplateRepository implements TemplateRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(t: NewTemplate): Promise<Template | undefined> {
    const [row] = await this.db
      .q('whatsapp_templates')
      .insert(templateColumns(t))
      .onConflict(['tenant_id', 'name', 'language'])
      .ignore()
      .returning('*');
    return row && toTemplate(row as TemplateRow);
  }

  async update(t: Template): Promise<void> {
    const { tenant_id: tenantId, name, language, ...changes } = templateColumns(t.toProps());
    await this.db
      .q('whatsapp_templates')
      .where({ tenant_id: tenantId, id: t.id, name, language })
      .update({ ...changes, updated_at: this.db.knex.fn.now() });
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return Number(await this.db.q('whatsapp_templates').where({ tenant_id: tenantId, id }).delete()) > 0;
  }

  async findById(tenantId: string, id: string): Promise<Template | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.db.q('whatsapp_templates').where({ tenant_id: tenantId, id }).first();
    return row && toTemplate(row as TemplateRow);
  }

  async findByNameAndLanguage(
    tenantId: string,
    name: string,
    language: string,
  ): Promise<Template | undefined> {
    const row = await this.db.q('whatsapp_templates').where({ tenant_id: tenantId, name, language }).first();
    return row && toTemplate(row as TemplateRow);
  }

  async list(tenantId: string, filter: TemplateFilter = {}, page?: TemplatePage): Promise<Template[]> {
    const query = this.db
      .q('whatsapp_templates')
      .where({ tenant_id: tenantId })
      .orderBy([{ column: 'name' }, { column: 'language' }]);
    if (filter.status) query.andWhere({ status: filter.status });
    if (filter.name) query.andWhere({ name: filter.name });
    if (filter.language) query.andWhere({ language: filter.language });
    const after = page?.after && (await this.findById(tenantId, page.after));
    if (after) query.andWhereRaw('(name, language) > (?, ?)', [after.name, after.language]);
    if (page) query.limit(page.limit);
    return ((await query) as TemplateRow[]).map(toTemplate);
  }

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

  async applyCategory(c: TemplateCategoryChange): Promise<string | undefined> {
    const [row] = await this.db
      .q('whatsapp_templates')
      .where({ tenant_id: c.tenantId })
      .andWhere((w) => {
        if (c.providerTemplateId) w.where({ provider_template_id: c.providerTemplateId });
        w.orWhere({ name: c.name, language: c.language });
      })
      .update({ category: c.category, updated_at: this.db.knex.fn.now() })
      .returning('id');
    return (row as { id: string } | undefined)?.id;
  }
}
