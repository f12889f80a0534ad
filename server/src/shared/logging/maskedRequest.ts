import { maskPhonesInUrl } from './maskPhones';

/**
 * The access log's view of a request (pino's standard one, already serialised) with the phone
 * numbers of its URL masked: `GET /opt-ins/%2B5491155550101` names a customer as surely as a
 * `phone` field does.
 */
export function maskedRequest<T extends { url?: string }>(request: T): T {
  if (typeof request.url === 'string') request.url = maskPhonesInUrl(request.url);
  return request;
}
