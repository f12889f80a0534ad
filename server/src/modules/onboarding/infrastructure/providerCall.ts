import { OnboardingStepError } from '../domain/OnboardingStepError';
import type { StepError } from '../domain/Onboarding';

const TIMEOUT_MS = 15_000;

interface GraphErrorBody {
  error?: {
    message?: string;
    type?: string;
    code?: number | string;
    error_subcode?: number;
    fbtrace_id?: string;
    error_user_msg?: string;
  };
  meta?: { developer_message?: string; http_code?: number };
  message?: string;
}

/** Graph's `{ error: { message, type, code, error_subcode, fbtrace_id } }`, 360dialog's `{ meta }` or `{ message }`. */
export function providerError(status: number, body: GraphErrorBody): StepError {
  const e = body.error;
  if (e)
    return {
      message: e.error_user_msg ?? e.message ?? `HTTP ${status}`,
      code: e.code,
      subcode: e.error_subcode,
      type: e.type,
      fbtraceId: e.fbtrace_id,
    };
  return { message: body.meta?.developer_message ?? body.message ?? `HTTP ${status}`, code: status };
}

/**
 * One JSON request to a provider at a URL built from configuration only; no redirects. A refusal
 * (4xx) or failure (5xx, no answer) becomes an OnboardingStepError with the provider's own error.
 */
export async function providerCall<T>(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(init.body !== undefined && { 'content-type': 'application/json' }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (error) {
    throw new OnboardingStepError({ message: `unreachable: ${(error as Error).message}` }, 'unavailable');
  }
  const body = (await res.json().catch(() => ({}))) as T & GraphErrorBody;
  if (!res.ok)
    throw new OnboardingStepError(
      providerError(res.status, body),
      res.status >= 500 ? 'unavailable' : 'refused',
    );
  return body;
}
