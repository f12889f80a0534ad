import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import { testDatabaseUrl } from './integrationHooks';
import { TEST_ENCRYPTION_KEY } from './testContainer';

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/**
 * `wa-ops` in this process, on the run's PostgreSQL database when there is one — else on an
 * embedded database of its own in a temporary directory (the run's embedded database is this
 * process's). Call `dispose()` in `after`.
 */
export function cliRunner(extraEnv: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-cli-'));
  const url = testDatabaseUrl();
  const baseEnv = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(url && { DATABASE_URL: url, ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('base64') }),
    ...extraEnv,
  };
  return {
    dataDir,
    embedded: !url,
    async run(argv: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        env: { ...baseEnv, ...env },
      });
      return { code, out, err };
    },
    dispose: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
