import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { CreateTenant } from './application/CreateTenant';
import { CreateUser } from './application/CreateUser';
import { EnsureDefaultTenant } from './application/EnsureDefaultTenant';
import { IssueApiKey } from './application/IssueApiKey';
import { RecordAuthenticationThrottled } from './application/RecordAuthenticationThrottled';
import { UpdateTenant } from './application/UpdateTenant';
import { UpdateUser } from './application/UpdateUser';
import { KnexApiKeyRepository } from './infrastructure/KnexApiKeyRepository';
import { KnexSenderDirectory } from './infrastructure/KnexSenderDirectory';
import { KnexTenantRepository } from './infrastructure/KnexTenantRepository';
import { KnexUserRepository } from './infrastructure/KnexUserRepository';

export const identityModule = new ContainerModule(({ bind }) => {
  bind(TYPES.TenantRepository).to(KnexTenantRepository);
  bind(TYPES.UserRepository).to(KnexUserRepository);
  bind(TYPES.SenderDirectory).to(KnexSenderDirectory);
  bind(TYPES.ApiKeyRepository).to(KnexApiKeyRepository);
  bind(TYPES.CreateTenant).to(CreateTenant);
  bind(TYPES.CreateUser).to(CreateUser);
  bind(TYPES.EnsureDefaultTenant).to(EnsureDefaultTenant);
  bind(TYPES.UpdateTenant).to(UpdateTenant);
  bind(TYPES.UpdateUser).to(UpdateUser);
  bind(TYPES.IssueApiKey).to(IssueApiKey);
  bind(TYPES.RecordAuthenticationThrottled).to(RecordAuthenticationThrottled);
});
