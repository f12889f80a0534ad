import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { AddConnection } from './application/AddConnection';
import { AlertManagers } from './application/AlertManagers';
import { ApplyAccountEvent } from './application/ApplyAccountEvent';
import { RemoveConnection } from './application/RemoveConnection';
import { TenantDirectory } from './application/TenantDirectory';
import { TestConnection } from './application/TestConnection';
import { UpdateConnection } from './application/UpdateConnection';
import { KnexWhatsappConfigurationRepository } from './infrastructure/KnexWhatsappConfigurationRepository';

/** Each tenant's WhatsApp numbers: stored connections, their health, and the cached directory of who owns which. */
export const connectionModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WhatsappConfigurationRepository).to(KnexWhatsappConfigurationRepository);
  bind(TYPES.TenantDirectory).to(TenantDirectory);
  bind(TYPES.AddConnection).to(AddConnection);
  bind(TYPES.UpdateConnection).to(UpdateConnection);
  bind(TYPES.RemoveConnection).to(RemoveConnection);
  bind(TYPES.TestConnection).to(TestConnection);
  bind(TYPES.ApplyAccountEvent).to(ApplyAccountEvent);
  bind(TYPES.AlertManagers).to(AlertManagers);
});
