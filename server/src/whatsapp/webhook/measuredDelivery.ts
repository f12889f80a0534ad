import type { Request, Response } from 'express';
import { AuthenticationError, UnavailableError, ValidationError } from '../../shared/errors/AppError';
import type { Metrics, WebhookOutcome } from '../../shared/metrics/Metrics';

type Handler = (req: Request, res: Response) => Promise<WebhookOutcome>;

/** Counts each delivery by outcome and times it to the acknowledgement (two cheap calls per request). */
export function measuredDelivery(
  metrics: Metrics | undefined,
  provider: (req: Request) => string,
  handler: Handler,
) {
  if (!metrics) return handler;
  return async (req: Request, res: Response): Promise<void> => {
    const started = process.hrtime.bigint();
    let outcome: WebhookOutcome = 'error';
    try {
      outcome = await handler(req, res);
    } catch (error) {
      outcome = failureOutcome(error);
      throw error;
    } finally {
      metrics.webhookAcknowledged(provider(req), outcome, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

function failureOutcome(error: unknown): WebhookOutcome {
  if (error instanceof AuthenticationError) return 'invalid_signature';
  if (error instanceof ValidationError) return 'malformed';
  if (error instanceof UnavailableError) return 'unavailable';
  return 'error';
}
