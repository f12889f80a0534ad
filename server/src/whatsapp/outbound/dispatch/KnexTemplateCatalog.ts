import { inject, injectable } from 'inversify';
import { slotsOfComponents } from '../../../modules/template/domain/templateSlots';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { TemplateFacts } from './deliveryRules';
import type { TemplateCatalog } from './TemplateCatalog';

interface TemplateRow {
  name: string;
  language: string;
  category: string | null;
  status: string;
  components: unknown;
  provider_template_id: string | null;
}

@injectable()
export class KnexTemplateCatalog implements TemplateCatalog {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string, names: string[]): Promise<TemplateFacts[]> {
    if (!names.length) return [];
    const rows = (await this.db
      .q('whatsapp_templates')
      .where({ tenant_id: tenantId })
      .whereIn('name', [...new Set(names)])
      .select(
        'name',
        'language',
        'category',
        'status',
        'components',
        'provider_template_id',
      )) as TemplateRow[];
    return rows.map((r) => ({
      name: r.name,
      language: r.language,
      status: r.status,
      category: r.category ?? undefined,
      slots: slotsOfComponents(r.components),
      providerTemplateId: r.provider_template_id ?? undefined,
    }));
  }
}
