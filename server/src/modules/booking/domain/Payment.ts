/** Payment providers whose webhooks record payments (SPEC §22). */
export type PaymentProvider = 'mercadopago' | 'generic';

export interface Payment {
  id: string;
  tenantId: string;
  bookingId: string;
  amount: string;
  currency: string;
  /** The payment provider's or bank's reference: recording it twice changes nothing. */
  reference: string;
  recordedBy?: string;
  /** Set when a provider's webhook recorded it: its payment id is recorded once per tenant. */
  provider?: PaymentProvider;
  providerPaymentId?: string;
  receivedAt: Date;
}

export type NewPayment = Omit<Payment, 'id' | 'receivedAt'>;

export interface PaymentRepository {
  findByReference(tenantId: string, bookingId: string, reference: string): Promise<Payment | undefined>;
  findByProviderId(tenantId: string, provider: PaymentProvider, id: string): Promise<Payment | undefined>;
  /** Inserts unless (booking, reference) exists; either way returns the stored payment. */
  add(payment: NewPayment): Promise<{ payment: Payment; created: boolean }>;
  /** Sum of the booking's payments, "0.00" when none. */
  totalFor(tenantId: string, bookingId: string): Promise<string>;
}
