import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What globalSetup started, for the tests: where the server is, its database, the setup link. */
export interface E2eEnvironment {
  baseURL: string;
  databaseUrl: string;
  adminUrl: string;
  databaseName: string;
  setupUrl: string;
  webhookSecret: string;
  pid: number;
}

/** One per checkout: two checkouts running their browser tests at once must not share it. */
const checkout = createHash('sha256')
  .update(path.resolve(__dirname, '..', '..', '..'))
  .digest('hex')
  .slice(0, 12);
export const ENVIRONMENT_FILE = path.join(os.tmpdir(), `wa-ops-e2e-${checkout}.json`);

export const readEnvironment = (): E2eEnvironment => JSON.parse(fs.readFileSync(ENVIRONMENT_FILE, 'utf8'));
