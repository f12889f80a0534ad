import { AuthenticationError } from '../../../shared/errors/AppError';
import type { Logger } from '../../../shared/logging/createLogger';
import type { ConfirmProviderPayment } from '../application/ConfirmProviderPayment';
import type { MercadoPagoApi } from '../domain/MercadoPagoApi';
import type { PaymentSettingsRepository } from '../domain/PaymentSettings';

/** What the payment webhooks need, handed in by createApp. */
export interface PaymentWebhookDeps {
  settings: PaymentSettingsRepository;
  mercadopago: MercadoPagoApi;
  confirm: ConfirmProviderPayment;
  logger: Logger;
}

export const unauthorized = () =>
  new AuthenticationError('Missing or invalid webhook signature', 'INVALID_SIGNATURE');
