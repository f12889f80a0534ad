import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { TemplateFacts } from './deliveryRules';
import { templateKey, type TemplateCatalog, type TemplateKey } from './TemplateCatalog';
import { templateParamCount } from './templateParamCount';

interface TemplateRow {
  name: string;
  language: string;
  status: string;
  components: unknown;
  provider_template_id: string | null;
}

@injectable()
export class KnexTemplateCatalog implements TemplateCatalog {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async find(tenantId: string, keys: TemplateKey[]): Promise<Map<string, TemplateFacts>> {
    const found = new Map<string, TemplateFacts>();
    if (!keys.length) return found;
    const rows = (await this.db
      .q('whatsapp_templates')
      .where({ tenant_id: tenantId })
      .whereIn('name', [...new Set(keys.map((k) => k.name))])
      .select('name', 'language', 'status', 'components', 'provider_template_id')) as TemplateRow[];
    for (const r of rows)
      found.set(templateKey(r), {
        status: r.status,
        paramCount: templateParamCount(r.components),
        providerTemplateId: r.provider_template_id ?? undefined,
      });
    return found;
  }
}
