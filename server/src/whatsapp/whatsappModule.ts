import { ContainerModule } from 'inversify';
import { TYPES } from '../types';
import { KnexWhatsappConfigurationRepository } from './configuration/KnexWhatsappConfigurationRepository';

export const whatsappModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WhatsappConfigurationRepository).to(KnexWhatsappConfigurationRepository);
});
