import { inject, injectable } from 'inversify';
import type { Config } from '../../../../config';
import { BusinessRuleError, ValidationError } from '../../../../shared/errors/AppError';
import { TYPES } from '../../../../types';
import type { WhatsappConfigurationRepository } from '../../../../modules/connection/domain/WhatsappConfiguration';
import type { TemplateDefinition, TemplateProviderApi } from '../TemplateProviderApi';
import type { SendingAccount } from '../WhatsappProvider';
import type { Template } from '../../../../modules/template/domain/Template';
import type {
  ProviderTemplate,
  SubmissionResult,
  TemplateProviderGateway,
} from '../../../../modules/template/domain/TemplateProviderGateway';
import { CloudApiTemplateChanges } from './CloudApiTemplateChanges';
import { viaProvider } from './providerFailure';

/**
 * The tenant's provider, chosen from its WhatsApp configurations (a Cloud API number first).
 * Without a configuration, or on the `console` provider, templates are approved at once and there
 * is nothing to list. Twilio keeps templates in Twilio Content: they are registered here by ContentSid.
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
    if (account?.provider === 'twilio') return registerTwilioContent(template);
    if (template.providerTemplateId)
      throw new ValidationError('Only templates for a Twilio number take a ContentSid', [
        { field: 'contentSid', message: `not for a ${account?.provider ?? 'console'} number` },
      ]);
    if (!account) return { status: 'APPROVED' };
    return viaProvider(() => this.api.submitTemplate(account, definitionOf(template)));
  }

  async revise(template: Template): Promise<SubmissionResult> {
    const account = await this.account(template.tenantId);
    if (!account || account.provider === 'console') return { status: 'APPROVED' };
    if (account.provider === 'twilio') throw twilioManagesContent();
    if (!template.providerTemplateId) return this.submit(template);
    const id = template.providerTemplateId;
    await viaProvider(() => this.changes.revise(account, id, definitionOf(template)));
    return { providerTemplateId: id, status: 'PENDING' };
  }

  async remove(template: Template): Promise<void> {
    const account = await this.account(template.tenantId);
    const id = template.providerTemplateId;
    // Twilio's copy lives in Twilio Content: deleting it here only stops sending it.
    if (!account || account.provider === 'console' || account.provider === 'twilio' || !id) return;
    await viaProvider(() => this.changes.remove(account, id, template.name));
  }

  async list(tenantId: string): Promise<ProviderTemplate[] | undefined> {
    const account = await this.account(tenantId);
    if (!account || account.provider === 'console' || account.provider === 'twilio') return undefined;
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
    return (
      configurations.find((c) => c.provider === 'meta' || c.provider === '360dialog') ??
      configurations.find((c) => c.provider === 'console') ??
      configurations[0]
    );
  }
}

/**
 * Twilio keeps templates in Twilio Content, where they are written and approved; here a template
 * is registered with its ContentSid (given on creation) and counts as approved.
 */
function registerTwilioContent(template: Template): SubmissionResult {
  if (!template.providerTemplateId)
    throw new ValidationError('A template for a Twilio number needs its ContentSid', [
      { field: 'contentSid', message: 'required for a Twilio number (the HX… id in Twilio Content)' },
    ]);
  return { providerTemplateId: template.providerTemplateId, status: 'APPROVED' };
}

const twilioManagesContent = () =>
  new BusinessRuleError(
    'TEMPLATE_MANAGEMENT_UNSUPPORTED',
    'Twilio templates are changed in Twilio Content; create the new version here with its ContentSid',
  );

/** Text headers only: a media header needs a sample uploaded to the provider first. */
function definitionOf(t: Template): TemplateDefinition {
  const { header, body, bodyExamples, footer, buttons, codeExpirationMinutes } = t.content;
  return {
    name: t.name,
    language: t.language,
    category: t.category,
    body,
    bodyExamples,
    ...(header?.format === 'TEXT' ? { header: header.text, headerExample: header.example } : {}),
    ...(footer !== undefined ? { footer } : {}),
    ...(codeExpirationMinutes ? { codeExpirationMinutes } : {}),
    ...(buttons?.length
      ? {
          buttons: buttons.map((b) =>
            b.type === 'URL'
              ? { type: 'URL' as const, text: b.text, url: b.url ?? '', example: b.example }
              : b.type === 'PHONE_NUMBER'
                ? { type: 'PHONE_NUMBER' as const, text: b.text, phoneNumber: b.phoneNumber ?? '' }
                : b.type === 'OTP'
                  ? { type: 'OTP' as const, text: b.text, otpType: 'COPY_CODE' as const }
                  : { type: 'QUICK_REPLY' as const, text: b.text },
          ),
        }
      : {}),
  };
}
