import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { childProcessDir } from './childProcessDir';
import { freePort } from './freePort';
import { waitFor } from './waitFor';

const ROOT = path.resolve(__dirname, '../../../..');
const MAIN = path.join(ROOT, 'server/src/main.ts');
const OUTPUT_KEPT = 64 * 1024;

export interface ServerProcess {
  readonly name: string;
  readonly port: number;
  readonly baseUrl: string;
  pid(): number | undefined;
  /** The running child, if any (for IPC with a preload). */
  process(): ChildProcess | undefined;
  /** Starts the server (again, on the same port) and resolves once /readyz answers 200. */
  start(): Promise<void>;
  /** SIGKILL: no shutdown hook runs, in-flight requests and transactions are cut. */
  kill(): Promise<void>;
  /** SIGTERM: the server's own graceful shutdown. */
  stop(): Promise<void>;
  /** Exits nobody asked for (a crash), with their code or signal. */
  readonly crashes: string[];
  /** The last 64 KiB of the process's stdout and stderr (its logs), for failure messages. */
  output(): string;
}

export interface ServerProcessOptions {
  name?: string;
  env: Record<string, string>;
  /** Extra node flags (`--expose-gc`, `-r some/preload`). */
  execArgv?: string[];
  /** Keep an IPC channel to the child (for preloads that answer over it). */
  ipc?: boolean;
  readyTimeoutMs?: number;
}

/**
 * The real server (`server/src/main.ts`, as `npm start` runs it, under ts-node) in a child process
 * with its own environment, on a fixed free port so it comes back on the same address after a kill.
 */
export async function serverProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const name = options.name ?? 'server';
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let expectingExit = false;
  let output = '';
  const crashes: string[] = [];
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_KEPT);
  };

  const ready = async () => {
    const response = await fetch(`${baseUrl}/readyz`).catch(() => undefined);
    await response?.arrayBuffer();
    return response?.status === 200;
  };

  const start = async () => {
    if (child) throw new Error(`${name} is already running`);
    expectingExit = false;
    const started = spawn(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), ...(options.execArgv ?? []), MAIN],
      {
        cwd: childProcessDir().cwd,
        env: {
          ...childProcessDir().env,
          PATH: process.env.PATH,
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: 'warn',
          DATA_DIR: path.join(os.tmpdir(), `wa-ops-${name}-${port}`),
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
      },
    );
    child = started;
    started.stdout?.on('data', keep);
    started.stderr?.on('data', keep);
    exited = new Promise((resolve) =>
      started.once('exit', (code, signal) => {
        if (!expectingExit) crashes.push(`${name} exited (${signal ?? code})`);
        if (child === started) child = undefined;
        resolve();
      }),
    );
    await waitFor(`${name} ready`, async () => !child || (await ready()), {
      timeoutMs: options.readyTimeoutMs ?? 60_000,
      intervalMs: 100,
    });
    if (!child) throw new Error(`${name} exited while starting:\n${output}`);
  };

  const end = async (signal: NodeJS.Signals) => {
    if (!child) return;
    expectingExit = true;
    child.kill(signal);
    await exited;
  };

  return {
    name,
    port,
    baseUrl,
    pid: () => child?.pid,
    start,
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
    crashes,
    output: () => output,
    process: () => child,
  };
}
