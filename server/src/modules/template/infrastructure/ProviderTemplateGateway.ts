import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { BusinessRuleError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { WhatsappConfigurationRepository } from '../../../whatsapp/configuration/WhatsappConfiguration';
import type {
  TemplateDefinition,
  TemplateProviderApi,
} from '../../../whatsapp/outbound/provider/TemplateProviderApi';
import type { SendingAccount } from '../../../whatsapp/outbound/provider/WhatsappProvider';
import type { Template } from '../domain/Template';
import type {
  ProviderTemplate,
  SubmissionResult,
  TemplateProviderGateway,
} from '../domain/TemplateProviderGateway';
import { CloudApiTemplateChanges } from './CloudApiTemplateChanges';
import { viaProvider } from './providerFailure';

/**
 * The tenant's provider, chosen from its WhatsApp configurations (a Cloud API number first).
 * Without a configuration, or on the `console` provider, templates are approved at once and there
 * is nothing to list. Twilio keeps templates in Twilio Content, which this service does not manage.
 */
@injectable()
export class ProviderTemplateGateway implements TemplateProviderGateway {
  private readonly changes: CloudApiTemplateChanges;

  constructor(
    @inject(TYPES.Config) config: Config,
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly configurations: WhatsappConfigurationRepository,
    @inject(TYPES.TemplateProviderApi) private readonly api: TemplateProviderApi,
  ) {
    const w = config.whatsapp;
    this.changes = new CloudApiTemplateChanges(`${w.apiBaseUrl}/${w.apiVersion}`, w.dialog360ApiBaseUrl);
  }

  async submit(template: Template): Promise<SubmissionResult> {
    const account = await this.account(template.tenantId);
    if (!account) return { status: 'APPROVED' };
    return viaProvider(() => this.api.submitTemplate(account, definitionOf(template)));
  }

  async revise(template: Template): Promise<SubmissionResult> {
    const account = await this.account(template.tenantId);
    if (!account || account.provider === 'console') return { status: 'APPROVED' };
    if (!template.providerTemplateId) return this.submit(template);
    const id = template.providerTemplateId;
    await viaProvider(() => this.changes.revise(account, id, definitionOf(template)));
    return { providerTemplateId: id, status: 'PENDING' };
  }

  async remove(template: Template): Promise<void> {
    const account = await this.account(template.tenantId);
    const id = template.providerTemplateId;
    if (!account || account.provider === 'console' || !id) return;
    await viaProvider(() => this.changes.remove(account, id, template.name));
  }

  async list(tenantId: string): Promise<ProviderTemplate[] | undefined> {
    const account = await this.account(tenantId);
    if (!account || account.provider === 'console') return undefined;
    const templates = await viaProvider(() => this.api.listTemplates(account));
    return templates.map((t) => ({
      providerTemplateId: t.providerTemplateId,
      name: t.name,
      language: t.language,
      category: t.category,
      status: t.status,
      reason: t.rejectedReason,
      components: t.components,
    }));
  }

  private async account(tenantId: string): Promise<SendingAccount | undefined> {
    const configurations = await this.configurations.findByTenant(tenantId);
    const account =
      configurations.find((c) => c.provider === 'meta' || c.provider === '360dialog') ??
      configurations.find((c) => c.provider === 'console') ??
      configurations[0];
    if (account?.provider === 'twilio')
      throw new BusinessRuleError(
        'TEMPLATE_MANAGEMENT_UNSUPPORTED',
        'Twilio templates are managed in Twilio Content, not through this service',
      );
    return account;
  }
}

/** Text headers only: a media header needs a sample uploaded to the provider first. */
function definitionOf(t: Template): TemplateDefinition {
  const { header, body, bodyExamples, footer, buttons } = t.content;
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    body,
    bodyExamples,
    ...(header?.format === 'TEXT' ? { header: header.text, headerExample: header.example } : {}),
    ...(footer !== undefined ? { footer } : {}),
    ...(buttons?.length
      ? {
          buttons: buttons.map((b) =>
            b.type === 'URL'
              ? { type: 'URL' as const, text: b.text, url: b.url ?? '', example: b.example }
              : b.type === 'PHONE_NUMBER'
                ? { type: 'PHONE_NUMBER' as const, text: b.text, phoneNumber: b.phoneNumber ?? '' }
                : { type: 'QUICK_REPLY' as const, text: b.text },
          ),
        }
      : {}),
  };
}
