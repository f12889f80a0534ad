import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { TenantDirectory } from './application/TenantDirectory';
import { KnexWhatsappConfigurationRepository } from './infrastructure/KnexWhatsappConfigurationRepository';

/** Each tenant's WhatsApp numbers: stored configurations and the cached directory of who owns which. */
export const connectionModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WhatsappConfigurationRepository).to(KnexWhatsappConfigurationRepository);
  bind(TYPES.TenantDirectory).to(TenantDirectory);
});
