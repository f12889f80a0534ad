import { ContainerModule } from 'inversify';
import { SetConsent } from '../modules/optin/application/SetConsent';
import { TYPES } from '../types';
import { CommandRouter } from './CommandRouter';
import { CustomerMessageHandler } from './CustomerMessageHandler';
import { IdentifySender } from './IdentifySender';
import { StaffCommandHandler } from './StaffCommandHandler';

export const routingModule = new ContainerModule(({ bind }) => {
  bind(TYPES.IdentifySender).to(IdentifySender);
  bind(TYPES.SetConsent).to(SetConsent);
  bind(TYPES.StaffCommandHandler).to(StaffCommandHandler);
  bind(TYPES.CustomerMessageHandler).to(CustomerMessageHandler);
  bind(TYPES.MessageRouter).to(CommandRouter);
});
