import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../..');
let dir: string | undefined;

/**
 * Where child processes of the suite run: an empty directory, so a developer's `.env` in the
 * repository (which the server and the CLI read from their working directory) never leaks into
 * a test. ts-node is pointed at the repository's tsconfig explicitly (decorators need it).
 */
export function childProcessDir(): { cwd: string; env: Record<string, string> } {
  if (!dir) {
    const created = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-child-'));
    process.once('exit', () => fs.rmSync(created, { recursive: true, force: true }));
    dir = created;
  }
  return { cwd: dir, env: { TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json') } };
}
