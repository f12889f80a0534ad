import { kindFromHttpStatus } from '../http/kindFromHttpStatus';
import { ProviderError } from '../ProviderError';
import { TWILIO_ERROR_KINDS } from './twilioErrorKinds';

const MAX_TITLE = 500;

/**
 * The class of a failed Twilio call, from its `{"code","message","more_info","status"}` body:
 * by Twilio code first, then the HTTP status (429 throttled, unknown 4xx permanent, 5xx retryable).
 */
export function classifyTwilioError(httpStatus: number, body: unknown, retryAfterMs?: number): ProviderError {
  const error = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const code = typeof error.code === 'number' ? error.code : undefined;
  const message = typeof error.message === 'string' && error.message ? error.message : `HTTP ${httpStatus}`;
  const kind = (code !== undefined ? TWILIO_ERROR_KINDS[code] : undefined) ?? kindFromHttpStatus(httpStatus);
  return new ProviderError(
    kind,
    code !== undefined ? String(code) : `http_${httpStatus}`,
    message.slice(0, MAX_TITLE),
    { httpStatus, retryAfterMs },
  );
}
