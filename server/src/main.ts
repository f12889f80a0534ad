import 'reflect-metadata';
import path from 'node:path';
import type { Server } from 'node:http';
import { createApp } from './app';
import { bootstrap } from './bootstrap';
import { ConfigError, loadConfig, type Config } from './config';
import type { EnsureDefaultTenant } from './modules/identity/application/EnsureDefaultTenant';
import { setupInvitation, startupBanner, startupFacts } from './firstRun';
import { withEnvFile } from './envFile';
import { assertProviderConfigured } from './requiredProviderVariables';
import { oneLineMessage } from './shared/errors/oneLineMessage';
import { graphApiVersionWarning } from './shared/graphApiVersions';
import type { OpenFirstRunSetup } from './modules/session/application/OpenFirstRunSetup';
import { createLogger } from './shared/logging/createLogger';
import { startBackgroundWorkers } from './workers';
import { TYPES } from './types';

/** The environment over `.env`, validated, the provider's variables present — or one line and exit 1. */
function readConfig(): Config {
  try {
    const config = loadConfig(withEnvFile(process.env));
    assertProviderConfigured(config);
    return config;
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? '' : 'wa-ops: '}${(error as Error).message}\n`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const logger = createLogger(config.logLevel);
  const versionWarning = graphApiVersionWarning(config.whatsapp.apiVersion);
  if (versionWarning) logger.warn(versionWarning);
  const runtime = await bootstrap(config, logger);
  const tenant = await runtime.container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
  const workers = startBackgroundWorkers(runtime.container);
  const server: Server = createApp(runtime.container).listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));

  const facts = startupFacts(config, runtime.embeddedDir, path.resolve(config.dataDir, 'media'));
  logger.info(
    { ...facts, provider: config.whatsapp.provider, tenantId: tenant.id },
    `wa-ops listening on ${facts.url}`,
  );
  // On a terminal, the same facts for a person (logs stay JSON for machines, on stdout).
  if (process.stderr.isTTY) process.stderr.write(`${startupBanner(facts)}\n`);
  // Until the tenant has a manager, a one-time link to create one in the browser. It goes to the
  // output plainly (the JSON log line leaves the token out), terminal or not.
  const setupToken = await runtime.container
    .get<OpenFirstRunSetup>(TYPES.OpenFirstRunSetup)
    .execute(tenant.id);
  if (setupToken) {
    logger.info({ tenantId: tenant.id }, 'no manager yet: open the one-time setup link printed above');
    process.stdout.write(`${setupInvitation(facts.url, setupToken)}\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) process.exit(1); // a second signal means "now"
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close();
    await workers.stop();
    await runtime.db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`wa-ops failed to start: ${oneLineMessage(error)}\n`);
  process.exit(1);
});
