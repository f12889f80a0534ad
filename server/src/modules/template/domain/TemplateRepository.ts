import type { NewTemplate, Template } from './Template';
import type { TemplateCategory } from './TemplateContent';
import type { TemplateStatus } from './TemplateStatus';

export interface TemplateStatusChange {
  tenantId: string;
  providerTemplateId: string;
  name: string;
  language: string;
  status: TemplateStatus;
  reason?: string;
}

export interface TemplateCategoryChange {
  tenantId: string;
  providerTemplateId?: string;
  name: string;
  language: string;
  category: TemplateCategory;
}

export interface TemplateFilter {
  status?: TemplateStatus;
  name?: string;
  language?: string;
}

export interface TemplatePage {
  limit: number;
  /** The `id` of the last template of the previous page. */
  after?: string;
}

export interface TemplateRepository {
  /** Undefined when the tenant already has that name in that language. */
  create(template: NewTemplate): Promise<Template | undefined>;
  update(template: Template): Promise<void>;
  delete(tenantId: string, id: string): Promise<boolean>;
  findById(tenantId: string, id: string): Promise<Template | undefined>;
  findByNameAndLanguage(tenantId: string, name: string, language: string): Promise<Template | undefined>;
  /** Ordered by name, language (then id), `limit` at most. */
  list(tenantId: string, filter?: TemplateFilter, page?: TemplatePage): Promise<Template[]>;
  /** Returns false when no such template is known for the tenant. */
  applyStatus(change: TemplateStatusChange): Promise<boolean>;
  /** Meta recategorised a template; returns the id of the template changed, undefined when unknown. */
  applyCategory(change: TemplateCategoryChange): Promise<string | undefined>;
}
