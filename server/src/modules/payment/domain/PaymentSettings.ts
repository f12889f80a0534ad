/** Secrets of a tenant's payment integrations, decrypted only in memory. */
export interface PaymentSecrets {
  /** Key of the generic webhook's `x-signature: sha256=…`. */
  webhookSecret?: string;
  mercadopago?: { accessToken?: string; webhookSecret?: string };
}

/** How a tenant's customers pay (SPEC §22): the link or instructions of the payment page, and webhooks. */
export interface PaymentSettings {
  tenantId: string;
  /** `https://pay.example.com/checkout?ref={ref}&amount={amount}&currency={currency}` */
  paymentUrlTemplate?: string;
  instructions?: string;
  secrets: PaymentSecrets;
  updatedAt?: Date;
}

export interface PaymentSettingsRepository {
  /** The tenant's settings; empty ones when never set. */
  find(tenantId: string): Promise<PaymentSettings>;
  save(settings: PaymentSettings, updatedBy?: string): Promise<PaymentSettings>;
}
