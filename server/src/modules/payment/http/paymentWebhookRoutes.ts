import express, { Router, type Request } from 'express';
import Joi from 'joi';
import { ValidationError } from '../../../shared/errors/AppError';
import { amountInput, currencyInput } from '../../../shared/http/api/schemas';
import type { PaymentSettings } from '../domain/PaymentSettings';
import { unauthorized, type PaymentWebhookDeps } from './paymentWebhookDeps';
import { receiveMercadoPago } from './receiveMercadoPago';
import { verifyGenericSignature } from './webhookSignatures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Signatures are over the bytes received: keep them raw. */
const rawBody = express.raw({ type: () => true, limit: '64kb' });

const genericBody = Joi.object({
  bookingRef: Joi.string()
    .trim()
    .pattern(/^BK-\d{1,12}$/i)
    .required(),
  amount: amountInput().required(),
  currency: currencyInput().required(),
  reference: Joi.string().trim().min(1).max(128).required(),
});

/**
 * Payment providers confirm payments here (SPEC §22), one URL per tenant (`?tenant=<id>`), each
 * signed with a secret from the tenant's payment settings. Nothing is read before the signature
 * holds; an unknown tenant and a wrong signature look the same (401).
 */
export function paymentWebhookRoutes(deps: PaymentWebhookDeps): Router {
  const router = Router();

  router.post('/api/payments/webhook/generic', rawBody, async (req, res) => {
    const settings = await settingsOf(deps, req);
    const raw = bodyOf(req);
    if (!verifyGenericSignature(raw, req.get('x-signature'), settings.secrets.webhookSecret))
      throw unauthorized();
    const { value, error } = genericBody.validate(parseJson(raw), { abortEarly: false, stripUnknown: true });
    if (error)
      throw new ValidationError(
        'Invalid payment notification',
        error.details.map((d) => ({ field: d.path.join('.'), message: d.message.replace(/^"[^"]*" /, '') })),
      );
    const result = await deps.confirm.execute({
      tenantId: settings.tenantId,
      provider: 'generic',
      providerPaymentId: value.reference,
      bookingRef: value.bookingRef.toUpperCase(),
      amount: value.amount,
      currency: value.currency,
      reference: value.reference,
    });
    res.status(result.created ? 201 : 200).json({
      recorded: result.created,
      paymentId: result.payment.id,
      bookingRef: result.booking.ref,
      bookingStatus: result.booking.status,
    });
  });

  router.post('/api/payments/webhook/mercadopago', rawBody, async (req, res) => {
    const settings = await settingsOf(deps, req);
    const answer = await receiveMercadoPago(deps, settings, {
      query: req.query as Record<string, unknown>,
      body: parseJson(bodyOf(req)),
      signature: req.get('x-signature'),
      requestId: req.get('x-request-id'),
    });
    res.status(200).json(answer);
  });

  return router;
}

async function settingsOf(deps: PaymentWebhookDeps, req: Request): Promise<PaymentSettings> {
  const tenant = req.query.tenant;
  if (typeof tenant !== 'string' || !UUID.test(tenant))
    throw new ValidationError('The notification URL must name the tenant', [
      { field: 'tenant', message: 'a tenant id is required', in: 'query' },
    ]);
  return deps.settings.find(tenant.toLowerCase());
}

function bodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new ValidationError('Request body is not valid JSON', [{ field: 'body', message: 'invalid JSON' }]);
  }
}
