import { fromMetaComponents, toMetaComponents } from '../domain/metaComponents';
import { Template, type NewTemplate } from '../domain/Template';
import type { TemplateCategory } from '../domain/TemplateContent';
import type { TemplateStatus } from '../domain/TemplateStatus';

export interface TemplateRow {
  id: string;
  tenant_id: string;
  name: string;
  language: string;
  category: string;
  components: unknown;
  status: string;
  provider_template_id: string | null;
  rejection_reason: string | null;
}

export const toTemplate = (r: TemplateRow): Template =>
  new Template({
    id: r.id,
    tenantId: r.tenant_id,
    name: r.name,
    language: r.language,
    category: r.category as TemplateCategory,
    ...fromMetaComponents(typeof r.components === 'string' ? JSON.parse(r.components) : r.components),
    status: r.status as TemplateStatus,
    providerTemplateId: r.provider_template_id ?? undefined,
    rejectionReason: r.rejection_reason ?? undefined,
  });

/** The columns a template owns (the row's identity and timestamps aside). */
export const templateColumns = (t: NewTemplate) => ({
  tenant_id: t.tenantId,
  name: t.name,
  language: t.language,
  category: t.category,
  components: JSON.stringify(toMetaComponents(t)),
  status: t.status,
  provider_template_id: t.providerTemplateId ?? null,
  rejection_reason: t.rejectionReason ?? null,
});
