import crypto from 'node:crypto';
import { Router } from 'express';
import { AuthenticationError } from '../errors/AppError';
import type { AuthFailureGuard } from '../http/AuthFailureGuard';
import type { Metrics } from './Metrics';

/** `GET /metrics` in the Prometheus text format; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
export function metricsRoutes(metrics: Metrics, authFailures: AuthFailureGuard, token?: string): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token)
      await authFailures.guard(req.ip, 'metrics', async () => {
        const presented = req.get('authorization');
        if (!presented)
          throw new AuthenticationError('Send the metrics token as Authorization: Bearer <token>');
        if (!sameSecret(`Bearer ${token}`, presented))
          throw new AuthenticationError('Invalid metrics token', 'INVALID_METRICS_TOKEN');
      });
    const { contentType, body } = await metrics.scrape();
    res.type(contentType).send(body);
  });
  return router;
}

const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string) => crypto.timingSafeEqual(digest(a), digest(b));
