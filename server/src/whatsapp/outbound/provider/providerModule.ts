import { ContainerModule } from 'inversify';
import { TYPES } from '../../../types';
import { ProviderRegistry } from './ProviderRegistry';

export const providerModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WhatsappProviders).to(ProviderRegistry);
});
