import type { SubmittedTemplate, TemplateDefinition } from '../TemplateProviderApi';
import { badResponse } from './badResponse';
import { callCloudApi } from './callCloudApi';
import { templateStatusOf } from './providerTemplate';
import { toCloudApiComponents } from './templateComponents';

/**
 * Submits a template as Cloud API components (Meta and 360dialog take the same body); the answer
 * carries the provider's id and, depending on the provider, its status.
 */
export async function submitCloudApiTemplate(
  target: { url: string; headers: Record<string, string>; statusWhenUnstated: string },
  template: TemplateDefinition,
  options: { signal?: AbortSignal; timeoutMs: number },
): Promise<SubmittedTemplate> {
  const payload = {
    name: template.name,
    language: template.language,
    category: template.category,
    components: toCloudApiComponents(template),
  };
  const body = (await callCloudApi(
    {
      method: 'POST',
      url: target.url,
      headers: { ...target.headers, 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    },
    options,
  )) as { id?: unknown; status?: unknown } | undefined;
  if (typeof body?.id !== 'string') throw badResponse('a template id');
  const status = typeof body.status === 'string' ? body.status : target.statusWhenUnstated;
  return { providerTemplateId: body.id, status: templateStatusOf(status) };
}
