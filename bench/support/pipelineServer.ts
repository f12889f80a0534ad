/**
 * Child process for `bench/pipeline --instances n`: one more instance of the app on the bench
 * database (BENCH_APP_DATABASE_URL, BENCH_ENCRYPTION_KEY), its inbox processor running, tuned by
 * BENCH_INBOX_TUNING (JSON).
 * Reports its port over IPC; obeys stop.
 */
import 'reflect-metadata';
import type { ChildMessage } from './constants';
import { startPipelineApp } from './pipelineApp';

async function main(): Promise<void> {
  const app = await startPipelineApp(
    process.env.BENCH_APP_DATABASE_URL ?? '',
    JSON.parse(process.env.BENCH_INBOX_TUNING ?? '{}'),
    process.env.BENCH_ENCRYPTION_KEY ?? '',
  );
  app.processor.start();
  process.on('message', async (command: string) => {
    if (command !== 'stop') return;
    await app.close();
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
  const send = (message: ChildMessage) => process.send?.(message);
  send({ type: 'ready', port: Number(new URL(app.webhookUrl).port) });
}

main().catch((error: unknown) => {
  console.error('pipeline server failed:', error);
  process.exit(1);
});
