import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { CreateTemplate } from './application/CreateTemplate';
import { DeleteTemplate } from './application/DeleteTemplate';
import { ListTemplates } from './application/ListTemplates';
import { PublishTemplate } from './application/PublishTemplate';
import { SeedDefaultTemplates } from './application/SeedDefaultTemplates';
import { SyncTemplates } from './application/SyncTemplates';
import { TemplateSyncJob } from './application/TemplateSyncJob';
import { UpdateTemplate } from './application/UpdateTemplate';

/** Template management (SPEC §9). The repository is bound with the conversation side's. */
export const templateModule = new ContainerModule(({ bind }) => {
  bind(TYPES.PublishTemplate).to(PublishTemplate);
  bind(TYPES.CreateTemplate).to(CreateTemplate);
  bind(TYPES.UpdateTemplate).to(UpdateTemplate);
  bind(TYPES.DeleteTemplate).to(DeleteTemplate);
  bind(TYPES.ListTemplates).to(ListTemplates);
  bind(TYPES.SeedDefaultTemplates).to(SeedDefaultTemplates);
  bind(TYPES.SyncTemplates).to(SyncTemplates);
  bind(TYPES.Jobs).to(TemplateSyncJob);
});
