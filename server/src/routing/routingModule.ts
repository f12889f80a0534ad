import { ContainerModule } from 'inversify';
import { SetConsent } from '../modules/optin/application/SetConsent';
import { TYPES } from '../types';
import { CommandRouter } from './CommandRouter';
import { CustomerMessageHandler } from './CustomerMessageHandler';
import { IdentifySender } from './IdentifySender';
import { StaffCommandHandler } from './StaffCommandHandler';
import { VoiceNoteHandler } from './VoiceNoteHandler';
import { FieldMediaFiler } from './staff/FieldMediaFiler';
import { StaffCommands } from './staff/StaffCommands';
import { StaffMemory } from './staff/StaffMemory';

export const routingModule = new ContainerModule(({ bind }) => {
  bind(TYPES.IdentifySender).to(IdentifySender);
  bind(TYPES.SetConsent).to(SetConsent);
  bind(TYPES.StaffCommandHandler).to(StaffCommandHandler);
  bind(StaffCommands).toSelf();
  bind(FieldMediaFiler).toSelf();
  bind(StaffMemory).toSelf();
  bind(TYPES.CustomerMessageHandler).to(CustomerMessageHandler);
  bind(TYPES.MessageRouter).to(CommandRouter);
  bind(TYPES.VoiceNoteRouter).to(VoiceNoteHandler);
});
