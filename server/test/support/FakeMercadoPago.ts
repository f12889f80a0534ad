import { FakeProviderServer, sendJson as json } from './FakeProviderServer';

/** A payment as Mercado Pago's `GET /v1/payments/{id}` answers it (the fields of its reference). */
export interface FakeMpPayment {
  id: number;
  status: 'approved' | 'pending' | 'in_process' | 'rejected' | 'refunded' | 'cancelled';
  transaction_amount: number;
  currency_id: string;
  external_reference: string | null;
}

/**
 * A local server speaking Mercado Pago's payments API: bearer access tokens, `GET /v1/payments/:id`
 * with its 401 and 404 bodies, and 500s on demand. Every request is kept in `requests`.
 */
export class FakeMercadoPago {
  readonly tokens = new Set<string>();
  readonly payments = new Map<string, FakeMpPayment>();
  /** Answer this many lookups with a 500 first. */
  failures = 0;

  private constructor(readonly server: FakeProviderServer) {
    server.route('GET', '/v1/payments/:id', (req, res) => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      if (!token || !this.tokens.has(token))
        return json(res, 401, { message: 'invalid_token', error: 'not_found', status: 401, cause: [] });
      if (this.failures > 0) {
        this.failures--;
        return json(res, 500, { message: 'internal_error', error: 'internal_error', status: 500, cause: [] });
      }
      const payment = this.payments.get(req.params.id);
      if (!payment)
        return json(res, 404, {
          message: 'Payment not found',
          error: 'not_found',
          status: 404,
          cause: [{ code: 2000, description: 'Payment not found', data: null }],
        });
      json(res, 200, {
        ...payment,
        date_created: '2026-03-01T10:00:00.000-03:00',
        date_approved: payment.status === 'approved' ? '2026-03-01T10:00:05.000-03:00' : null,
        status_detail: payment.status === 'approved' ? 'accredited' : 'pending_contingency',
        operation_type: 'regular_payment',
        payment_method_id: 'visa',
        payment_type_id: 'credit_card',
        live_mode: false,
        payer: { id: '123456', email: 'test_user_123@testuser.com' },
      });
    });
  }

  static async start(): Promise<FakeMercadoPago> {
    return new FakeMercadoPago(await FakeProviderServer.start());
  }

  get url(): string {
    return this.server.url;
  }

  lookups(): number {
    return this.server.requestsTo('/v1/payments/').length;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
