import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { childProcessDir } from './childProcessDir';

const ROOT = path.resolve(__dirname, '../../../..');

/** Runs `wa-ops <args>` (server/src/cli/main.ts under ts-node) with `env`; resolves with its stdout. */
export async function runCli(args: string[], env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '-r',
      require.resolve('ts-node/register/transpile-only'),
      path.join(ROOT, 'server/src/cli/main.ts'),
      ...args,
    ],
    {
      cwd: childProcessDir().cwd,
      env: { ...childProcessDir().env, PATH: process.env.PATH, LOG_LEVEL: 'warn', ...env },
    },
  );
  return stdout;
}
