import { providerRequest, type ProviderRequest } from '../http/providerRequest';
import { retryAfterMs } from '../http/retryAfter';
import { classifyGraphError } from './classifyGraphError';

/** A Cloud API call (Meta or 360dialog): the parsed 2xx body, or a classified ProviderError. */
export async function callCloudApi(
  request: ProviderRequest,
  options: { signal?: AbortSignal; timeoutMs: number },
): Promise<unknown> {
  const response = await providerRequest(request, options);
  if (response.status >= 200 && response.status < 300) return response.body;
  throw classifyGraphError(response.status, response.body, retryAfterMs(response.headers.get('retry-after')));
}
