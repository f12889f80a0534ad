import { badResponse } from '../cloudapi/badResponse';
import { callCloudApi } from '../cloudapi/callCloudApi';
import { submitCloudApiTemplate } from '../cloudapi/submitCloudApiTemplate';
import { missingConfiguration } from '../cloudapi/missingConfiguration';
import { readProviderTemplate } from '../cloudapi/providerTemplate';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../http/providerRequest';
import type { ProviderTemplate, TemplateDefinition, TemplateProviderApi } from '../TemplateProviderApi';
import type { SendingAccount } from '../WhatsappProvider';

const FIELDS = 'id,name,language,status,category,components,rejected_reason';
const MAX_PAGES = 50;

/** Meta's `/{waba_id}/message_templates`: POST submits, GET lists (following `paging.next`). */
export class MetaTemplateApi implements TemplateProviderApi {
  private readonly origin: string;

  constructor(
    private readonly graphBaseUrl: string,
    private readonly timeoutMs = DEFAULT_PROVIDER_TIMEOUT_MS,
  ) {
    this.origin = new URL(graphBaseUrl).origin;
  }

  async submitTemplate(account: SendingAccount, template: TemplateDefinition, signal?: AbortSignal) {
    return submitCloudApiTemplate(
      { url: this.templatesUrl(account), headers: auth(account), statusWhenUnstated: 'PENDING' },
      template,
      { signal, timeoutMs: this.timeoutMs },
    );
  }

  async listTemplates(account: SendingAccount, signal?: AbortSignal): Promise<ProviderTemplate[]> {
    const templates: ProviderTemplate[] = [];
    let url: string | undefined = `${this.templatesUrl(account)}?fields=${FIELDS}&limit=100`;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const body = (await callCloudApi(
        { method: 'GET', url, headers: auth(account) },
        { signal, timeoutMs: this.timeoutMs },
      )) as { data?: unknown; paging?: { next?: unknown } } | undefined;
      if (!Array.isArray(body?.data)) throw badResponse('a template list');
      for (const raw of body.data) {
        const template = readProviderTemplate(raw);
        if (template) templates.push(template);
      }
      url = this.nextPage(body.paging?.next);
    }
    return templates;
  }

  private templatesUrl(account: SendingAccount): string {
    if (!account.businessAccountId) throw missingConfiguration('business account id');
    return `${this.graphBaseUrl}/${encodeURIComponent(account.businessAccountId)}/message_templates`;
  }

  /** The token goes only to the Graph host we were configured with. */
  private nextPage(next: unknown): string | undefined {
    if (typeof next !== 'string' || !next) return undefined;
    if (!URL.canParse(next) || new URL(next).origin !== this.origin)
      throw badResponse('a next page on the Graph API host');
    return next;
  }
}

function auth(account: SendingAccount): Record<string, string> {
  if (!account.credentials.accessToken) throw missingConfiguration('access token');
  return { authorization: `Bearer ${account.credentials.accessToken}` };
}
