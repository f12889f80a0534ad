import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { UpdateContact } from './application/UpdateContact';
import { KnexContactRepository } from './infrastructure/KnexContactRepository';

/** SPEC §19: a record per customer, their language for automatic replies. */
export const contactModule = new ContainerModule(({ bind }) => {
  bind(TYPES.ContactRepository).to(KnexContactRepository);
  bind(TYPES.UpdateContact).to(UpdateContact);
});
