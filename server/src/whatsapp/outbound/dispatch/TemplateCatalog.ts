import type { TemplateFacts } from './deliveryRules';

export interface TemplateKey {
  name: string;
  language: string;
}

export const templateKey = (k: TemplateKey): string => `${k.name}:${k.language}`;

/** Read-only view of whatsapp_templates for sending (the templates module owns the table). */
export interface TemplateCatalog {
  /** Facts of the templates that exist, by `templateKey`. */
  find(tenantId: string, keys: TemplateKey[]): Promise<Map<string, TemplateFacts>>;
}
