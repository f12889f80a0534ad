import 'reflect-metadata';
import { Container, ContainerModule } from 'inversify';
import type { Config } from './config';
import type { Clock } from './shared/clock/Clock';
import { CredentialCipher } from './shared/crypto/CredentialCipher';
import type { Database } from './shared/db/Database';
import type { Logger } from './shared/logging/createLogger';
import { createMetrics } from './shared/metrics/createMetrics';
import { consoleWebhookSecret } from './shared/channel/consoleChannel';
import { KnexReminderLog } from './shared/reminders/KnexReminderLog';
import { TYPES } from './types';
import { identityModule } from './modules/identity/identityModule';
import { connectionModule } from './modules/connection/connectionModule';
import { whatsappModule } from './whatsapp/whatsappModule';
import { providerModule } from './whatsapp/outbound/provider/providerModule';
import { conversationModule } from './modules/conversation/conversationModule';
import { mediaModule } from './modules/media/mediaModule';
import { tripModule } from './modules/trip/tripModule';
import { leadModule } from './modules/lead/leadModule';
import { bookingModule } from './modules/booking/bookingModule';
import { paymentModule } from './modules/payment/paymentModule';
import { broadcastModule } from './modules/broadcast/broadcastModule';
import { templateModule } from './modules/template/templateModule';
import { routingModule } from './routing/routingModule';
import { incidentModule } from './modules/incident/incidentModule';
import { outboundModule } from './whatsapp/outbound/dispatch/outboundModule';
import { smsFallbackModule } from './modules/smsfallback/smsFallbackModule';
import { quickReplyModule } from './modules/quickreply/quickReplyModule';
import { autoResponderModule } from './modules/autoresponder/autoResponderModule';
import { jobsModule } from './jobs/jobsModule';
import { eventsModule } from './modules/events/eventsModule';
import { contactModule } from './modules/contact/contactModule';
import { webhookModule } from './modules/webhook/webhookModule';
import { sessionModule } from './modules/session/sessionModule';
import { usageModule } from './modules/usage/usageModule';
import { onboardingModule } from './modules/onboarding/onboardingModule';
import { ConsoleSecrets } from './shared/crypto/consoleSecrets';

export interface Infrastructure {
  config: Config;
  logger: Logger;
  clock: Clock;
  db: Database;
  encryptionKey: Buffer;
}

/** The composition root: infrastructure handed in from outside, every module bound here. */
export function createContainer(infra: Infrastructure): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.loadSync(
    new ContainerModule(({ bind }) => {
      bind(TYPES.Config).toConstantValue(infra.config);
      bind(TYPES.Logger).toConstantValue(infra.logger);
      bind(TYPES.Clock).toConstantValue(infra.clock);
      bind(TYPES.Database).toConstantValue(infra.db);
      bind(TYPES.CredentialCipher).toConstantValue(new CredentialCipher(infra.encryptionKey));
      bind(TYPES.Metrics).toConstantValue(createMetrics(infra.db));
      bind(TYPES.ConsoleWebhookSecret).toConstantValue(consoleWebhookSecret(infra.encryptionKey));
      bind(TYPES.ReminderLog).to(KnexReminderLog);
      bind(TYPES.ConsoleSecrets).toConstantValue(new ConsoleSecrets(infra.encryptionKey));
    }),
    identityModule,
    connectionModule,
    conversationModule,
    tripModule,
    incidentModule,
    leadModule,
    bookingModule,
    paymentModule,
    templateModule,
    broadcastModule,
    routingModule,
    whatsappModule,
    mediaModule,
    providerModule,
    outboundModule,
    smsFallbackModule,
    quickReplyModule,
    autoResponderModule,
    jobsModule,
    eventsModule,
    contactModule,
    webhookModule,
    sessionModule,
    usageModule,
    onboardingModule,
  );
  return container;
}
