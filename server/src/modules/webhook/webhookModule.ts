import { ContainerModule } from 'inversify';
import { TYPES } from '../../types';
import { CreateWebhookSubscription } from './application/CreateWebhookSubscription';
import { UpdateWebhookSubscription } from './application/UpdateWebhookSubscription';
import { WebhookDeliveryWorker } from './application/WebhookDeliveryWorker';
import { KnexWebhookDeliveries } from './infrastructure/KnexWebhookDeliveries';
import { KnexWebhookSubscriptions } from './infrastructure/KnexWebhookSubscriptions';

/** SPEC §18: outbound webhooks, signed per Standard Webhooks, delivered by a worker. */
export const webhookModule = new ContainerModule(({ bind }) => {
  bind(TYPES.WebhookSubscriptions).to(KnexWebhookSubscriptions);
  bind(TYPES.WebhookDeliveries).to(KnexWebhookDeliveries);
  bind(TYPES.CreateWebhookSubscription).to(CreateWebhookSubscription);
  bind(TYPES.UpdateWebhookSubscription).to(UpdateWebhookSubscription);
  bind(TYPES.WebhookDeliveryWorker).to(WebhookDeliveryWorker);
  bind(TYPES.BackgroundWorkers).toService(TYPES.WebhookDeliveryWorker);
});
