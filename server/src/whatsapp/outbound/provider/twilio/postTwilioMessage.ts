import { DEFAULT_PROVIDER_TIMEOUT_MS, providerRequest } from '../http/providerRequest';
import { retryAfterMs } from '../http/retryAfter';
import { ProviderError } from '../ProviderError';
import type { SendResult } from '../WhatsappProvider';
import { classifyTwilioError } from './classifyTwilioError';

export interface TwilioCredentials {
  accountSid: string;
  authToken: string;
}

/**
 * `POST /2010-04-01/Accounts/{sid}/Messages.json` (form-encoded, basic auth): a WhatsApp message
 * or an SMS, whichever the form addresses. Returns the message sid.
 */
export async function postTwilioMessage(
  apiBaseUrl: string,
  credentials: TwilioCredentials,
  form: URLSearchParams,
  options: { signal?: AbortSignal; timeoutMs?: number },
): Promise<SendResult> {
  const { accountSid: sid, authToken: token } = credentials;
  const response = await providerRequest(
    {
      method: 'POST',
      url: `${apiBaseUrl}/2010-04-01/Accounts/${encodeURIComponent(sid)}/Messages.json`,
      headers: {
        authorization: `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: form,
    },
    { signal: options.signal, timeoutMs: options.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS },
  );
  if (response.status < 200 || response.status >= 300)
    throw classifyTwilioError(
      response.status,
      response.body,
      retryAfterMs(response.headers.get('retry-after')),
    );
  const id = (response.body as { sid?: unknown } | undefined)?.sid;
  if (typeof id !== 'string' || !id)
    throw new ProviderError('retryable', 'bad_response', 'the provider answered without a message sid');
  return { providerMessageId: id };
}
