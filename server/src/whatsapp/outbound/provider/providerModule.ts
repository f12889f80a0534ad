import { ContainerModule } from 'inversify';
import { TYPES } from '../../../types';
import { ProviderConnectionProbe } from './probe/ProviderConnectionProbe';
import { ProviderRegistry } from './ProviderRegistry';
import { ProviderTemplateApis } from './ProviderTemplateApis';
import { ProviderTemplateGateway } from './templates/ProviderTemplateGateway';

export const providerModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WhatsappProviders).to(ProviderRegistry);
  bind(TYPES.TemplateProviderApi).to(ProviderTemplateApis);
  bind(TYPES.TemplateProviderGateway).to(ProviderTemplateGateway);
  bind(TYPES.ConnectionProbe).to(ProviderConnectionProbe);
});
