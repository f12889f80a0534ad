import { ContainerModule } from 'inversify';
import { TYPES } from '../../../types';
import { ProviderRegistry } from './ProviderRegistry';
import { ProviderTemplateApis } from './ProviderTemplateApis';

export const providerModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WhatsappProviders).to(ProviderRegistry);
  bind(TYPES.TemplateProviderApi).to(ProviderTemplateApis);
});
