/** A payment as Mercado Pago's `GET /v1/payments/{id}` describes it (the fields we read). */
export interface MercadoPagoPayment {
  id: string;
  /** `approved` is the only status that pays a booking. */
  status: string;
  amount: string | number;
  currency: string;
  /** We set it to the booking ref when a payment is created for a booking. */
  externalReference?: string;
}

/** Why a lookup failed: `not_found` is final; `unavailable` (network, 5xx, a refused token) may pass. */
export class MercadoPagoLookupError extends Error {
  constructor(
    readonly kind: 'not_found' | 'unavailable',
    message: string,
  ) {
    super(message);
    this.name = 'MercadoPagoLookupError';
  }
}

/** Port: Mercado Pago's payments API, with the tenant's access token. */
export interface MercadoPagoApi {
  findPayment(accessToken: string, paymentId: string): Promise<MercadoPagoPayment>;
}
