import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bootstrap } from '../bootstrap';
import type { Config } from '../config';
import { parse, text, type Command } from './cliSupport';
import { runDemo } from './demo/runDemo';
import { UsageError } from './UsageError';

/**
 * `wa-ops demo [--data-dir DIR]`: the scripted day on a fresh embedded database — a temporary
 * directory (removed afterwards) unless one is given, which must then be empty.
 */
export const demo: Command = async (args, ctx) => {
  const o = parse(args, { 'data-dir': text });
  const given = o['data-dir'] as string | undefined;
  if (given && fs.existsSync(given) && fs.readdirSync(given).length)
    throw new UsageError(`--data-dir ${given} is not empty; the demo needs a fresh database`);
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-demo-'));
  const config: Config = {
    ...ctx.config,
    databaseUrl: undefined,
    dataDir,
    encryptionKey: undefined,
    jobs: { enabled: false, schedules: {} },
    whatsapp: {
      ...ctx.config.whatsapp,
      provider: 'console',
      phoneNumberId: undefined,
      webhookSecret: undefined,
      enableMedia: false,
    },
  };
  ctx.io.out(`wa-ops demo: a scripted day on an embedded database in ${dataDir}`);
  const runtime = await bootstrap(config, ctx.logger);
  try {
    await runDemo(runtime, ctx.io.out);
  } finally {
    await runtime.db.close();
    if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
  }
  ctx.io.out('');
  ctx.io.out(given ? `the data stays in ${dataDir}` : 'done (the temporary database was removed)');
};
