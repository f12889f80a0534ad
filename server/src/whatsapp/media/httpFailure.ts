import { MediaDownloadError } from '../../modules/media/domain/MediaDownloadError';

export type ErrorSource = 'graph' | 'twilio';

/** Graph codes that mean "later" whatever the HTTP status (rate limits, temporary outages). */
const GRAPH_RETRYABLE = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131057, 133004]);
/** Graph codes that no retry fixes: token expired or invalid (190), unknown media id (100), permissions. */
const GRAPH_PERMANENT = new Set([10, 100, 190, 200, 131005, 131052]);
const MAX_ERROR_BODY = 64 * 1024;

interface ProviderError {
  code?: number;
  message?: string;
  transient?: boolean;
}

/** Graph: `{error:{code,message,is_transient}}`; Twilio: `{code,message,status}`. */
async function readProviderError(response: Response): Promise<ProviderError | undefined> {
  try {
    const body = JSON.parse((await response.text()).slice(0, MAX_ERROR_BODY)) as Record<string, unknown>;
    const error = (typeof body.error === 'object' && body.error !== null ? body.error : body) as Record<
      string,
      unknown
    >;
    return {
      code: typeof error.code === 'number' ? error.code : undefined,
      message: typeof error.message === 'string' ? error.message : undefined,
      transient: error.is_transient === true,
    };
  } catch {
    return undefined;
  }
}

function isRetryable(
  status: number,
  error: ProviderError | undefined,
  source: ErrorSource,
  notFoundRetryable: boolean,
) {
  const code = error?.code;
  if (source === 'graph' && code !== undefined) {
    if (GRAPH_PERMANENT.has(code)) return false;
    if (GRAPH_RETRYABLE.has(code) || error?.transient) return true;
  }
  return status >= 500 || status === 408 || status === 429 || (status === 404 && notFoundRetryable);
}

/**
 * A non-2xx answer as a MediaDownloadError keeping the provider's code and message. `step` names
 * the request in the message (never its URL, which may carry a signed token).
 */
export async function httpFailure(
  response: Response,
  options: { source: ErrorSource; step: string; notFoundRetryable?: boolean },
): Promise<MediaDownloadError> {
  const error = await readProviderError(response);
  const status = response.status;
  const code = error?.code !== undefined ? `${options.source.toUpperCase()}_${error.code}` : `HTTP_${status}`;
  return new MediaDownloadError(
    code,
    `${options.step} answered HTTP ${status}${error?.message ? `: ${error.message}` : ''}`,
    isRetryable(status, error, options.source, options.notFoundRetryable ?? false),
    { status, providerCode: error?.code },
  );
}
