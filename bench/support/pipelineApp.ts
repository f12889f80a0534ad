import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/src/app';
import { bootstrap, type Runtime } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/shared/logging/createLogger';
import { InboxProcessor } from '../../server/src/whatsapp/inbox/InboxProcessor';
import { APP_SECRET, PHONE_NUMBER_ID, WEBHOOK_PATH } from './constants';

/** The inbox processor's options a run may override (defaults: the app's). */
export interface InboxTuning {
  lanes?: number;
  perTransaction?: number;
  batch?: number;
  gatherMs?: number;
}

export interface PipelineApp {
  runtime: Runtime;
  processor: InboxProcessor;
  webhookUrl: string;
  close(): Promise<void>;
}

/**
 * The real app on `databaseUrl` (migrated by bootstrap), serving webhooks, with only the inbox
 * processor running: the measured path ends at the queued reply, not at its sending.
 */
export async function startPipelineApp(
  databaseUrl: string,
  tuning: InboxTuning,
  /** Every instance needs the key the credentials were encrypted with. */
  encryptionKey: string,
): Promise<PipelineApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    ENCRYPTION_KEY: encryptionKey,
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_WEBHOOK_SECRET: APP_SECRET,
    WHATSAPP_ENABLE_MEDIA: 'false',
    LOG_LEVEL: 'silent',
  });
  const runtime = await bootstrap(config, createLogger('silent'));
  const server = createApp(runtime.container).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const processor = runtime.container.get(InboxProcessor);
  const { options } = processor;
  processor.options = {
    ...options,
    concurrency: tuning.lanes ?? options.concurrency,
    eventsPerTransaction: tuning.perTransaction ?? options.eventsPerTransaction,
    batchSize: tuning.batch ?? options.batchSize,
    gatherMs: tuning.gatherMs ?? options.gatherMs,
  };
  return {
    runtime,
    processor,
    webhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${WEBHOOK_PATH}`,
    close: async () => {
      await processor.stop();
      server.closeAllConnections();
      server.close();
      await runtime.db.close();
    },
  };
}
