import { badResponse } from '../cloudapi/badResponse';
import { callCloudApi } from '../cloudapi/callCloudApi';
import { submitCloudApiTemplate } from '../cloudapi/submitCloudApiTemplate';
import { missingConfiguration } from '../cloudapi/missingConfiguration';
import { readProviderTemplate } from '../cloudapi/providerTemplate';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../http/providerRequest';
import type { ProviderTemplate, TemplateDefinition, TemplateProviderApi } from '../TemplateProviderApi';
import type { SendingAccount } from '../WhatsappProvider';

const PAGE = 100;
const MAX_PAGES = 50;

/**
 * 360dialog's `/v1/configs/templates` (the API key names the WABA): POST submits Cloud API
 * components, GET lists `waba_templates` page by page (`limit`/`offset`, lower-case statuses).
 */
export class Dialog360TemplateApi implements TemplateProviderApi {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS,
  ) {}

  async submitTemplate(account: SendingAccount, template: TemplateDefinition, signal?: AbortSignal) {
    return submitCloudApiTemplate(
      {
        url: `${this.baseUrl}/v1/configs/templates`,
        headers: auth(account),
        statusWhenUnstated: 'submitted',
      },
      template,
      { signal, timeoutMs: this.timeoutMs },
    );
  }

  async listTemplates(account: SendingAccount, signal?: AbortSignal): Promise<ProviderTemplate[]> {
    const templates: ProviderTemplate[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = (await callCloudApi(
        {
          method: 'GET',
          url: `${this.baseUrl}/v1/configs/templates?limit=${PAGE}&offset=${page * PAGE}`,
          headers: auth(account),
        },
        { signal, timeoutMs: this.timeoutMs },
      )) as { waba_templates?: unknown; total?: unknown } | undefined;
      const entries = body?.waba_templates;
      if (!Array.isArray(entries)) throw badResponse('a template list');
      for (const raw of entries) {
        const template = readProviderTemplate(raw);
        if (template) templates.push(template);
      }
      const total = typeof body?.total === 'number' ? body.total : undefined;
      if (entries.length < PAGE || (total !== undefined && (page + 1) * PAGE >= total)) break;
    }
    return templates;
  }
}

function auth(account: SendingAccount): Record<string, string> {
  if (!account.credentials.dialog360ApiKey) throw missingConfiguration('360dialog API key');
  return { 'D360-API-KEY': account.credentials.dialog360ApiKey };
}
