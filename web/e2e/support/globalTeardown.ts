import fs from 'node:fs';
import pg from 'pg';
import { ENVIRONMENT_FILE, readEnvironment } from './environment';

/** Stops the server globalSetup started and drops its database. */
export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(ENVIRONMENT_FILE)) return;
  const environment = readEnvironment();
  try {
    process.kill(environment.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const admin = new pg.Client({ connectionString: environment.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${environment.databaseName} WITH (FORCE)`);
  await admin.end();
  fs.rmSync(ENVIRONMENT_FILE);
}
