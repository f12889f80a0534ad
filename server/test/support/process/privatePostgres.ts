import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './freePort';

const run = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** postgres://… of database `name` on this cluster. */
  urlOf(name: string): string;
  createDatabase(name: string): Promise<string>;
  /** `immediate` is a crash: no checkpoint, recovery from the WAL on the next start. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster and deletes its files. */
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of our own (initdb into a temp directory, a free port), so a test may stop and
 * restart it without touching any shared server. Uses the binaries of `pg_config --bindir` (or
 * PG_BINDIR); as root, runs them as the `postgres` user, since PostgreSQL refuses to run as root.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bindir = process.env.PG_BINDIR ?? (await run('pg_config', ['--bindir'])).stdout.trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-ops-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'postgres.log');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await run('chown', ['-R', 'postgres', dir]);
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bindir, tool), ...args])
      : run(path.join(bindir, tool), args);

  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  const start = async () => {
    await pg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await pg('pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  };
  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  await start();
  return {
    port,
    urlOf,
    start,
    stop,
    createDatabase: async (name) => {
      const admin = new Client({ connectionString: urlOf('postgres') });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      return urlOf(name);
    },
    destroy: async () => {
      await stop('immediate').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
