import { BusinessRuleError } from '../../../../shared/errors/AppError';
import { callCloudApi } from '../cloudapi/callCloudApi';
import { missingConfiguration } from '../cloudapi/missingConfiguration';
import { DEFAULT_PROVIDER_TIMEOUT_MS } from '../http/providerRequest';
import { toCloudApiComponents } from '../cloudapi/templateComponents';
import type { TemplateDefinition } from '../TemplateProviderApi';
import type { SendingAccount } from '../WhatsappProvider';

const options = { timeoutMs: DEFAULT_PROVIDER_TIMEOUT_MS };

/**
 * Edits and deletions of submitted templates, which the provider port (submit and list) leaves
 * out. Meta: `POST /{template-id}` (back to review), `DELETE /{waba-id}/message_templates` by name
 * and id (that language only). 360dialog: no edits; deletion by name (every language).
 */
export class CloudApiTemplateChanges {
  constructor(
    private readonly graphUrl: string,
    private readonly dialog360Url: string,
  ) {}

  async revise(
    account: SendingAccount,
    providerTemplateId: string,
    template: TemplateDefinition,
  ): Promise<void> {
    if (account.provider !== 'meta')
      throw new BusinessRuleError(
        'TEMPLATE_EDIT_UNSUPPORTED',
        `${account.provider} cannot edit templates: delete ${template.name} and create it again`,
      );
    await callCloudApi(
      {
        method: 'POST',
        url: `${this.graphUrl}/${encodeURIComponent(providerTemplateId)}`,
        headers: { ...metaAuth(account), 'content-type': 'application/json' },
        body: JSON.stringify({ category: template.category, components: toCloudApiComponents(template) }),
      },
      options,
    );
  }

  async remove(account: SendingAccount, providerTemplateId: string, name: string): Promise<void> {
    if (account.provider === '360dialog') {
      if (!account.credentials.dialog360ApiKey) throw missingConfiguration('360dialog API key');
      await callCloudApi(
        {
          method: 'DELETE',
          url: `${this.dialog360Url}/v1/configs/templates/${encodeURIComponent(name)}`,
          headers: { 'D360-API-KEY': account.credentials.dialog360ApiKey },
        },
        options,
      );
      return;
    }
    if (!account.businessAccountId) throw missingConfiguration('business account id');
    const query = new URLSearchParams({ name, hsm_id: providerTemplateId });
    await callCloudApi(
      {
        method: 'DELETE',
        url: `${this.graphUrl}/${encodeURIComponent(account.businessAccountId)}/message_templates?${query}`,
        headers: metaAuth(account),
      },
      options,
    );
  }
}

function metaAuth(account: SendingAccount): Record<string, string> {
  if (!account.credentials.accessToken) throw missingConfiguration('access token');
  return { authorization: `Bearer ${account.credentials.accessToken}` };
}
