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

export const ENVIRONMENT_FILE = path.join(os.tmpdir(), `wa-ops-e2e-${process.env.USER ?? 'ci'}.json`);

export const readEnvironment = (): E2eEnvironment => JSON.parse(fs.readFileSync(ENVIRONMENT_FILE, 'utf8'));
