import type { TemplateFacts } from './deliveryRules';

export const templateKey = (k: { name: string; language: string }): string => `${k.name}:${k.language}`;

/** Read-only view of whatsapp_templates for sending (the templates module owns the table). */
export interface TemplateCatalog {
  /** Every language the tenant has of each named template. */
  find(tenantId: string, names: string[]): Promise<TemplateFacts[]>;
}
