import type { Response } from 'express';
import { UnavailableError, ValidationError } from '../../shared/errors/AppError';
import type { Logger } from '../../shared/logging/createLogger';
import type { WebhookOutcome } from '../../shared/metrics/Metrics';
import { UnstorableDeliveryError, type WebhookInbox } from '../inbox/WebhookInbox';

/**
 * Stores a verified delivery and acknowledges it: 200 only once it is committed, 503 when the
 * database could not take it (the provider redelivers), 400 when its content never will.
 */
export async function storeDelivery(
  deps: { inbox: WebhookInbox; logger: Logger },
  res: Response,
  delivery: Parameters<WebhookInbox['store']>[0],
  twiml?: string,
): Promise<WebhookOutcome> {
  let stored;
  try {
    stored = await deps.inbox.store(delivery);
  } catch (error) {
    if (error instanceof UnstorableDeliveryError) {
      // Its content, not the database, is the problem: a retry would fail the same way.
      deps.logger.warn({ err: error.cause }, 'webhook refused by the database');
      throw new ValidationError(
        'Delivery cannot be stored',
        [{ field: 'body', message: 'refused by the database' }],
        'UNSTORABLE_DELIVERY',
      );
    }
    // Never acknowledge what was not written: the provider will redeliver.
    deps.logger.error({ err: error }, 'webhook not stored');
    throw new UnavailableError('Delivery could not be stored; retry later');
  }
  if (twiml) res.status(200).type('text/xml').send(twiml);
  else res.status(200).json({ received: true, duplicate: stored.duplicate });
  return stored.duplicate ? 'duplicate' : 'stored';
}
