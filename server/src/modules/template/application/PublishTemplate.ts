import { inject, injectable } from 'inversify';
import { ConflictError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { Template, type NewTemplate } from '../domain/Template';
import type { TemplateProviderGateway } from '../domain/TemplateProviderGateway';
import type { TemplateRepository } from '../domain/TemplateRepository';

export const templateExists = (t: Pick<NewTemplate, 'name' | 'language'>) =>
  new ConflictError('TEMPLATE_EXISTS', `A template ${t.name} (${t.language}) already exists`, {
    name: t.name,
    language: t.language,
  });

/**
 * A new template goes to the provider first and is stored with the provider's answer. Nothing is
 * stored when the provider refuses; should the store fail after an accepted submission, the next
 * sync imports the template from the provider.
 */
@injectable()
export class PublishTemplate {
  constructor(
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.TemplateProviderGateway) private readonly provider: TemplateProviderGateway,
  ) {}

  async execute(draft: NewTemplate): Promise<Template> {
    if (await this.templates.findByNameAndLanguage(draft.tenantId, draft.name, draft.language))
      throw templateExists(draft);
    const template = new Template({ ...draft, id: '' });
    const result = await this.provider.submit(template);
    template.submitted(result.providerTemplateId, result.status);
    const stored = await this.templates.create(template.toProps());
    if (!stored) throw templateExists(draft);
    return stored;
  }
}
