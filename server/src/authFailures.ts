import type { Container } from 'inversify';
import type { Config } from './config';
import type { RecordAuthenticationThrottled } from './modules/identity/application/RecordAuthenticationThrottled';
import { AuthFailureGuard } from './shared/http/AuthFailureGuard';
import type { Logger } from './shared/logging/createLogger';
import type { Metrics } from './shared/metrics/Metrics';
import { TYPES } from './types';

const WINDOW_MS = 10 * 60_000;

/** The process's failed-authentication guard: counted in /metrics, logged and audited when it trips. */
export function authFailureGuard(container: Container): AuthFailureGuard {
  const config = container.get<Config>(TYPES.Config);
  const metrics = container.get<Metrics>(TYPES.Metrics);
  const logger = container.get<Logger>(TYPES.Logger);
  const record = container.get<RecordAuthenticationThrottled>(TYPES.RecordAuthenticationThrottled);
  return new AuthFailureGuard({
    limit: config.authFailureLimit,
    windowMs: WINDOW_MS,
    onFailure: (surface) => metrics.authFailed(surface),
    onRefusal: (surface) => metrics.authRateLimited(surface),
    onThrottle: (throttled) => {
      logger.warn(
        throttled,
        'too many failed authentications: refusing the client for the rest of the window',
      );
      record
        .execute(throttled)
        .catch((error: unknown) =>
          logger.error({ err: error }, 'could not audit an authentication throttle'),
        );
    },
  });
}
