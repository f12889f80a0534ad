/**
 * Errors the product raises on purpose. Each carries a stable `code` clients can branch on;
 * the HTTP mapping lives in one table at the edge (shared/http/errorMiddleware.ts), not here.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export interface FieldProblem {
  field: string;
  message: string;
  /** Where the field was, for HTTP requests: `body`, `query` or `path`. */
  in?: string;
}

export class ValidationError extends AppError {
  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
    code = 'VALIDATION_FAILED',
  ) {
    super(code, message, fields.length ? { fields } : undefined);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id: string) {
    super('NOT_FOUND', `${entity} ${id} was not found`, { entity, id });
  }
}

export class ConflictError extends AppError {}

export class PermissionError extends AppError {
  constructor(message = 'This action is not allowed for your role', details?: Record<string, unknown>) {
    super('PERMISSION_DENIED', message, details);
  }
}

export class AuthenticationError extends AppError {
  constructor(message = 'A valid API key is required', code = 'UNAUTHENTICATED') {
    super(code, message);
  }
}

export class BusinessRuleError extends AppError {}

/** A cookie-authenticated change without the session's CSRF token. */
export class CsrfError extends AppError {
  constructor() {
    super('CSRF_TOKEN_INVALID', 'Send the session’s CSRF token in the x-csrf-token header');
  }
}

/** A dependency (the database) is down: the caller should retry later. */
export class UnavailableError extends AppError {
  constructor(message = 'Service temporarily unavailable') {
    super('UNAVAILABLE', message);
  }
}

/** Too many failed attempts from one client: refused until `retryAfterSeconds` have passed. */
export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many failed authentication attempts from this address; try again later',
  ) {
    super('TOO_MANY_FAILED_ATTEMPTS', message);
  }
}

/** A plan's monthly limit is used up (SPEC §17): 429 `LIMIT_REACHED` until the next period. */
export class LimitReachedError extends AppError {
  constructor(
    counter: string,
    limit: number,
    periodEnd: string,
    /** When the next period begins in the tenant's timezone (the `Retry-After` of the answer). */
    readonly resetsAt: Date,
  ) {
    super('LIMIT_REACHED', `The plan's ${counter} limit of ${limit} for this month is reached`, {
      counter,
      limit,
      resetsOn: periodEnd,
      resetsAt: resetsAt.toISOString(),
    });
  }
}

/** A feature outside the tenant's plan (SPEC §17): 403 `PLAN_FEATURE`. */
export class PlanFeatureError extends AppError {
  constructor(feature: string, plan: string) {
    super('PLAN_FEATURE', `The ${plan} plan does not include ${feature}`, { feature, plan });
  }
}
