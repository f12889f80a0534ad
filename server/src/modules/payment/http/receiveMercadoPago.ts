import { AppError, UnavailableError } from '../../../shared/errors/AppError';
import { MercadoPagoLookupError } from '../domain/MercadoPagoApi';
import type { PaymentSettings } from '../domain/PaymentSettings';
import { unauthorized, type PaymentWebhookDeps } from './paymentWebhookDeps';
import { verifyMercadoPagoSignature } from './webhookSignatures';

export interface MercadoPagoNotification {
  query: Record<string, unknown>;
  body: unknown;
  signature?: string;
  requestId?: string;
}

/** What we answer Mercado Pago: any 200 stops its retries, so only passing trouble is a 503. */
export type MercadoPagoAnswer =
  { recorded: boolean; duplicate?: boolean; bookingRef?: string } | { recorded: false; ignored: string };

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/**
 * One Mercado Pago notification: the signature over `data.id`, `x-request-id` and `ts`; then the
 * payment looked up with the tenant's access token (the notification itself is never trusted for
 * amounts); an approved payment whose `external_reference` is a booking ref is recorded once.
 */
export async function receiveMercadoPago(
  deps: PaymentWebhookDeps,
  settings: PaymentSettings,
  n: MercadoPagoNotification,
): Promise<MercadoPagoAnswer> {
  const body = (n.body ?? {}) as { type?: unknown; data?: { id?: unknown } };
  const rawId = text(n.query['data.id']) ?? text(body.data?.id);
  // Mercado Pago signs an alphanumeric data.id in lower case.
  const dataId = rawId && /^[a-z0-9]+$/i.test(rawId) ? rawId.toLowerCase() : rawId;
  const mp = settings.secrets.mercadopago;
  const signed = verifyMercadoPagoSignature({
    header: n.signature,
    requestId: n.requestId,
    dataId,
    secret: mp?.webhookSecret,
  });
  if (!signed) throw unauthorized();
  const type = text(body.type) ?? text(n.query.type) ?? text(n.query.topic);
  if (type !== 'payment' || !dataId)
    return { recorded: false, ignored: `notification type ${type ?? 'none'}` };
  if (!mp?.accessToken)
    throw new UnavailableError('Mercado Pago has no access token in the payment settings');
  const log = deps.logger.child({ tenantId: settings.tenantId, provider: 'mercadopago', paymentId: dataId });
  let payment;
  try {
    payment = await deps.mercadopago.findPayment(mp.accessToken, dataId);
  } catch (error) {
    if (error instanceof MercadoPagoLookupError && error.kind === 'not_found')
      return { recorded: false, ignored: 'payment not found' };
    log.warn({ err: error }, 'Mercado Pago payment lookup failed; the notification will be retried');
    throw new UnavailableError('Mercado Pago could not be asked about the payment');
  }
  if (payment.status !== 'approved') return { recorded: false, ignored: `payment ${payment.status}` };
  if (!payment.externalReference) return { recorded: false, ignored: 'payment without external_reference' };
  try {
    const result = await deps.confirm.execute({
      tenantId: settings.tenantId,
      provider: 'mercadopago',
      providerPaymentId: payment.id,
      bookingRef: payment.externalReference,
      amount: payment.amount,
      currency: payment.currency,
      reference: `mercadopago:${payment.id}`,
    });
    return { recorded: result.created, duplicate: !result.created, bookingRef: result.booking.ref };
  } catch (error) {
    if (!(error instanceof AppError) || error instanceof UnavailableError) throw error;
    log.warn({ code: error.code }, `Mercado Pago payment not recorded: ${error.message}`);
    return { recorded: false, ignored: error.code };
  }
}
