/**
 * Child process for `bench/events` and `bench/inbox-search`: one instance of the real app on the
 * bench database (BENCH_APP_DATABASE_URL, BENCH_ENCRYPTION_KEY) with its inbox processor and its
 * event hub (SSE fan-out, LISTEN connection) running. With BENCH_CREATE_USER=1 it first makes the
 * default tenant and a user, and reports the user's API key with its port. Obeys stop.
 */
import 'reflect-metadata';
import type { CreateUser } from '../../server/src/modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../../server/src/modules/identity/application/EnsureDefaultTenant';
import type { EventHub } from '../../server/src/modules/events/infrastructure/EventHub';
import { TYPES } from '../../server/src/types';
import type { ChildMessage } from './constants';
import { startPipelineApp } from './pipelineApp';

async function main(): Promise<void> {
  const tuning = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const app = await startPipelineApp(
    process.env.BENCH_APP_DATABASE_URL ?? '',
    { lanes: tuning('BENCH_LANES'), gatherMs: tuning('BENCH_GATHER_MS') },
    process.env.BENCH_ENCRYPTION_KEY ?? '',
  );
  const { container } = app.runtime;
  let apiKey: string | undefined;
  if (process.env.BENCH_CREATE_USER === '1') {
    const tenant = await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
    ({ apiKey } = await container
      .get<CreateUser>(TYPES.CreateUser)
      .execute({ tenantId: tenant.id, name: 'Bench manager', phone: '+5491140000001', role: 'manager' }));
  }
  const hub = container.get<EventHub>(TYPES.EventHub);
  hub.start();
  app.processor.start();
  process.on('message', async (command: string) => {
    if (command !== 'stop') return;
    await hub.stop();
    await app.close();
    process.exit(0);
  });
  process.on('disconnect', () => process.exit(0));
  const send = (message: ChildMessage) => process.send?.(message);
  send({ type: 'ready', port: Number(new URL(app.webhookUrl).port), apiKey });
}

main().catch((error: unknown) => {
  console.error('events server failed:', error);
  process.exit(1);
});
