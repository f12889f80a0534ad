import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { ConfirmProviderPayment } from './application/ConfirmProviderPayment';
import { UpdatePaymentSettings } from './application/UpdatePaymentSettings';
import { KnexPaymentSettingsRepository } from './infrastructure/KnexPaymentSettingsRepository';
import { MercadoPagoClient } from './infrastructure/MercadoPagoClient';

/** How customers pay: payment settings, the payment page, providers' payment webhooks (SPEC §22). */
export const paymentModule = new ContainerModule(({ bind }) => {
  bind(TYPES.PaymentSettingsRepository).to(KnexPaymentSettingsRepository);
  bind(TYPES.MercadoPagoApi).to(MercadoPagoClient);
  bind(TYPES.UpdatePaymentSettings).to(UpdatePaymentSettings);
  bind(TYPES.ConfirmProviderPayment).to(ConfirmProviderPayment);
});
