import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import {
  AppError,
  AuthenticationError,
  BusinessRuleError,
  ConflictError,
  CsrfError,
  LimitReachedError,
  NotFoundError,
  PermissionError,
  PlanFeatureError,
  RateLimitedError,
  UnavailableError,
  ValidationError,
} from '../errors/AppError';
import { isDatabaseUnavailable } from '../db/isDatabaseUnavailable';
import { sendProblem } from './problem';

/** The one table from error class to HTTP status. Order matters: first match wins. */
const STATUS_BY_ERROR: Array<[new (...args: never[]) => AppError, number, string]> = [
  [ValidationError, 400, 'Invalid request'],
  [AuthenticationError, 401, 'Unauthenticated'],
  [PermissionError, 403, 'Forbidden'],
  [PlanFeatureError, 403, 'Not in plan'],
  [CsrfError, 403, 'Forbidden'],
  [NotFoundError, 404, 'Not found'],
  [ConflictError, 409, 'Conflict'],
  [BusinessRuleError, 422, 'Business rule violated'],
  [RateLimitedError, 429, 'Too many requests'],
  [LimitReachedError, 429, 'Plan limit reached'],
  [UnavailableError, 503, 'Service unavailable'],
];

/** body-parser's own errors carry `type` and `status`. */
const BODY_PARSER_ERRORS: Record<string, [number, string, string]> = {
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'Request body is larger than the limit'],
  'entity.parse.failed': [400, 'MALFORMED_BODY', 'Request body is not valid JSON'],
  'encoding.unsupported': [415, 'UNSUPPORTED_ENCODING', 'Unsupported content encoding'],
  'charset.unsupported': [415, 'UNSUPPORTED_CHARSET', 'Unsupported charset'],
};

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    const parserError = typeof err?.type === 'string' ? BODY_PARSER_ERRORS[err.type] : undefined;
    if (parserError) {
      const [status, code, title] = parserError;
      return sendProblem(res, { status, code, title });
    }
    if (err instanceof AppError) {
      const [, status, title] = STATUS_BY_ERROR.find(([type]) => err instanceof type) ?? [
        AppError,
        422,
        'Unprocessable',
      ];
      if (status === 503) res.setHeader('Retry-After', '5');
      if (err instanceof RateLimitedError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      if (err instanceof LimitReachedError) res.setHeader('Retry-After', err.resetsAt.toUTCString());
      // Details extend the problem but never replace its own members (a booking's `status` is not the HTTP one).
      return sendProblem(res, { ...(err.details ?? {}), status, code: err.code, title, detail: err.message });
    }
    if (isDatabaseUnavailable(err)) {
      logger.error({ err, reqId: req.id }, 'database unavailable');
      res.setHeader('Retry-After', '5');
      return sendProblem(res, { status: 503, code: 'UNAVAILABLE', title: 'Service unavailable' });
    }
    logger.error({ err, reqId: req.id }, 'unhandled error');
    sendProblem(res, {
      status: 500,
      code: 'INTERNAL',
      title: 'Internal error',
      detail: 'Quote the request id when reporting this.',
    });
  };
}

export const notFoundHandler: RequestHandler = (req, res) =>
  sendProblem(res, {
    status: 404,
    code: 'ROUTE_NOT_FOUND',
    title: 'Not found',
    detail: `${req.method} ${req.path}`,
  });
