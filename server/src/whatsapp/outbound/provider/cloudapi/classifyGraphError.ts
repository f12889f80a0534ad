import { kindFromHttpStatus } from '../http/kindFromHttpStatus';
import { ProviderError } from '../ProviderError';
import { graphErrorKind } from './graphErrorKinds';

const MAX_TITLE = 500;

interface GraphError {
  code?: number;
  message?: string;
  details?: string;
  traceId?: string;
  transient: boolean;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const int = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value)
    ? value
    : typeof value === 'string' && /^\d+$/.test(value)
      ? Number(value)
      : undefined;

/**
 * Graph's `{"error":{code,message,error_data:{details},fbtrace_id,is_transient}}`; 360dialog
 * relays it, and answers its own refusals as `{"meta":{developer_message}}` or `{"errors":[…]}`.
 */
function readGraphError(body: unknown): GraphError {
  const root = record(body);
  const error = record(root?.error) ?? record(Array.isArray(root?.errors) ? root.errors[0] : undefined);
  const meta = record(root?.meta);
  return {
    code: int(error?.code),
    message: text(error?.message) ?? text(error?.title) ?? text(meta?.developer_message),
    details: text(record(error?.error_data)?.details) ?? text(error?.details),
    traceId: text(error?.fbtrace_id),
    transient: error?.is_transient === true,
  };
}

/**
 * The class of a failed Cloud API call (Meta or 360dialog): by Graph error code first, then the
 * error's `is_transient` flag, then the HTTP status (unknown 4xx permanent, unknown 5xx retryable).
 */
export function classifyGraphError(httpStatus: number, body: unknown, retryAfterMs?: number): ProviderError {
  const error = readGraphError(body);
  const kind =
    (error.code !== undefined ? graphErrorKind(error.code) : undefined) ??
    (error.transient ? 'retryable' : kindFromHttpStatus(httpStatus));
  const title = [error.message, error.details].filter(Boolean).join(': ') || `HTTP ${httpStatus}`;
  return new ProviderError(
    kind,
    error.code !== undefined ? String(error.code) : `http_${httpStatus}`,
    title.slice(0, MAX_TITLE),
    { httpStatus, retryAfterMs, traceId: error.traceId },
  );
}
