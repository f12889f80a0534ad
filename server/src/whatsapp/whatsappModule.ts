import { ContainerModule } from 'inversify';
import { TYPES } from '../types';
import { ApplyStatusUpdate } from '../modules/message/application/ApplyStatusUpdate';
import { RecordInboundMessage } from '../modules/message/application/RecordInboundMessage';
import { ApplyUserPreference } from '../modules/optin/application/ApplyUserPreference';
import { ApplyTemplateCategory } from '../modules/template/application/ApplyTemplateCategory';
import { ApplyTemplateStatus } from '../modules/template/application/ApplyTemplateStatus';
import { InboundEventHandler } from './inbox/InboundEventHandler';
import { InboxEvents } from './inbox/InboxEvents';
import { InboxProcessor } from './inbox/InboxProcessor';
import { WebhookInbox } from './inbox/WebhookInbox';
import { MediaDownloadWorker } from './media/MediaDownloadWorker';
import { ProviderMediaFetchers } from './media/ProviderMediaFetchers';
import { TranscriptionWorker } from './media/TranscriptionWorker';

export const whatsappModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WebhookInbox).to(WebhookInbox);
  bind(TYPES.InboxEvents).to(InboxEvents);
  bind(TYPES.InboundEventHandler).to(InboundEventHandler);
  bind(TYPES.RecordInboundMessage).to(RecordInboundMessage);
  bind(TYPES.ApplyStatusUpdate).to(ApplyStatusUpdate);
  bind(TYPES.ApplyTemplateStatus).to(ApplyTemplateStatus);
  bind(TYPES.ApplyTemplateCategory).to(ApplyTemplateCategory);
  bind(TYPES.ApplyUserPreference).to(ApplyUserPreference);
  bind(InboxProcessor).toSelf();
  bind(TYPES.BackgroundWorkers).toService(InboxProcessor);
  bind(TYPES.MediaFetchers).to(ProviderMediaFetchers);
  // Bound as itself too, so whoever records media can `wake()` it.
  bind(MediaDownloadWorker).toSelf();
  bind(TYPES.BackgroundWorkers).toService(MediaDownloadWorker);
  bind(TYPES.BackgroundWorkers).to(TranscriptionWorker);
});
