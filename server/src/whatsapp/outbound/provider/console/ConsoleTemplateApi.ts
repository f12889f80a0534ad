import crypto from 'node:crypto';
import type { ProviderTemplate, SubmittedTemplate, TemplateProviderApi } from '../TemplateProviderApi';

/** No one reviews templates on the console: they are approved at once, and there is nothing to list. */
export class ConsoleTemplateApi implements TemplateProviderApi {
  async submitTemplate(): Promise<SubmittedTemplate> {
    return { providerTemplateId: `console.${crypto.randomUUID()}`, status: 'APPROVED' };
  }

  async listTemplates(): Promise<ProviderTemplate[]> {
    return [];
  }
}
