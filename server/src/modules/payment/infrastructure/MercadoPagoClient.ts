import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { TYPES } from '../../../types';
import {
  MercadoPagoLookupError,
  type MercadoPagoApi,
  type MercadoPagoPayment,
} from '../domain/MercadoPagoApi';

const TIMEOUT_MS = 10_000;
/** Mercado Pago's payment ids are numbers; anything else never goes into a URL. */
const PAYMENT_ID = /^\d{1,24}$/;

interface PaymentBody {
  id?: number | string;
  status?: string;
  transaction_amount?: number;
  currency_id?: string;
  external_reference?: string | null;
}

/** `GET {MERCADOPAGO_API_BASE_URL}/v1/payments/{id}` with the tenant's access token. */
@injectable()
export class MercadoPagoClient implements MercadoPagoApi {
  constructor(@inject(TYPES.Config) private readonly config: Pick<Config, 'payments'>) {}

  async findPayment(accessToken: string, paymentId: string): Promise<MercadoPagoPayment> {
    if (!PAYMENT_ID.test(paymentId)) throw new MercadoPagoLookupError('not_found', 'not a payment id');
    const url = `${this.config.payments.mercadopagoApiBaseUrl}/v1/payments/${paymentId}`;
    let res: Response;
    try {
      res = await fetch(url, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
        signal: AbortSignal.timeout(TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      throw new MercadoPagoLookupError(
        'unavailable',
        `Mercado Pago unreachable: ${(error as Error).message}`,
      );
    }
    if (res.status === 404) throw new MercadoPagoLookupError('not_found', `payment ${paymentId} not found`);
    if (!res.ok) throw new MercadoPagoLookupError('unavailable', `Mercado Pago answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as PaymentBody;
    if (body.status === undefined || body.transaction_amount === undefined || !body.currency_id)
      throw new MercadoPagoLookupError('unavailable', 'Mercado Pago answered an unexpected payment body');
    return {
      id: String(body.id ?? paymentId),
      status: body.status,
      amount: body.transaction_amount,
      currency: body.currency_id,
      externalReference: body.external_reference ?? undefined,
    };
  }
}
