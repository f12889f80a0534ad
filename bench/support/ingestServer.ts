/**
 * Child process: the real app on the bench database (BENCH_APP_DATABASE_URL), configured the way
 * production is (EnsureDefaultTenant from the environment), logs silent, workers on unless
 * `--no-workers`. Reports its port over IPC; obeys pause-workers / resume-workers / stop.
 */
import 'reflect-metadata';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../server/src/app';
import { bootstrap } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config';
import type { EnsureDefaultTenant } from '../../server/src/modules/identity/application/EnsureDefaultTenant';
import { createLogger } from '../../server/src/shared/logging/createLogger';
import { TYPES } from '../../server/src/types';
import { startBackgroundWorkers } from '../../server/src/workers';
import {
  APP_SECRET,
  BUSINESS_ACCOUNT_ID,
  BUSINESS_PHONE,
  PHONE_NUMBER_ID,
  type ChildMessage,
} from './constants';

async function main(): Promise<void> {
  const withWorkers = !process.argv.includes('--no-workers');
  const config = loadConfig({
    DATABASE_URL: process.env.BENCH_APP_DATABASE_URL,
    ENCRYPTION_KEY: crypto.randomBytes(32).toString('base64'),
    DATA_DIR: path.join(os.tmpdir(), `wa-ops-bench-${process.pid}`),
    LOG_LEVEL: 'silent',
    WHATSAPP_PROVIDER: 'meta',
    WHATSAPP_PHONE_NUMBER: BUSINESS_PHONE,
    WHATSAPP_PHONE_NUMBER_ID: PHONE_NUMBER_ID,
    WHATSAPP_BUSINESS_ACCOUNT_ID: BUSINESS_ACCOUNT_ID,
    WHATSAPP_ACCESS_TOKEN: 'EAAG-bench',
    WHATSAPP_WEBHOOK_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'bench-verify-token',
    WHATSAPP_ENABLE_MEDIA: 'false',
  });
  const runtime = await bootstrap(config, createLogger(config.logLevel));
  await runtime.container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
  let workers = withWorkers ? startBackgroundWorkers(runtime.container) : undefined;
  const server = createApp(runtime.container).listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));

  const send = (message: ChildMessage) => process.send?.(message);
  process.on('message', async (command: string) => {
    if (command === 'pause-workers') {
      await workers?.stop();
      workers = undefined;
    } else if (command === 'resume-workers') {
      if (withWorkers) workers ??= startBackgroundWorkers(runtime.container);
    } else if (command === 'stop') {
      server.closeAllConnections();
      server.close();
      await workers?.stop();
      await runtime.db.close();
      process.exit(0);
    }
    send({ type: 'done', command });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', port: (server.address() as AddressInfo).port });
}

main().catch((error: unknown) => {
  console.error('ingest server failed:', error);
  process.exit(1);
});
