import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, ParentCommand } from './constants';

export interface ServerChild {
  name: string;
  pid: number;
  port: number;
  /** The API key a child made at start (eventsServer with BENCH_CREATE_USER=1). */
  apiKey?: string;
  /** The child itself, for benches that talk to it over IPC. */
  process: ChildProcess;
  /** Sends a command and waits for the child to confirm it. */
  command(command: Exclude<ParentCommand, 'stop'>): Promise<void>;
  /** Asks the child to shut down; kills it if it has not exited after 10 s. */
  stop(): Promise<void>;
  kill(): void;
}

/**
 * Forks `bench/support/<file>` (its own process, so the load generator's CPU is not on the server's
 * event loop; its TypeScript compiled by `register.js`, as in the built product) and resolves once
 * it reports the port it listens on.
 */
export function startServer(
  file: string,
  options: { args?: string[]; env?: Record<string, string>; cpuProfDir?: string },
): Promise<ServerChild> {
  const execArgv = ['-r', path.join(__dirname, 'register.js')];
  if (options.cpuProfDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`);
  const child = fork(path.join(__dirname, file), options.args ?? [], {
    execArgv,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const name = path.basename(file, '.ts');
  return new Promise((resolve, reject) => {
    const early = (code: number | null) => reject(new Error(`${name} exited with ${code} before listening`));
    child.once('exit', early);
    child.once('error', reject);
    child.on('message', (message: ChildMessage) => {
      if (message.type !== 'ready') return;
      child.off('exit', early);
      resolve(wrap(name, child, message.port, message.apiKey));
    });
  });
}

function wrap(name: string, child: ChildProcess, port: number, apiKey?: string): ServerChild {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    pid: child.pid ?? 0,
    port,
    apiKey,
    process: child,
    command: (command) =>
      new Promise((resolve, reject) => {
        const onMessage = (message: ChildMessage) => {
          if (message.type !== 'done' || message.command !== command) return;
          child.off('message', onMessage);
          child.off('exit', onExit);
          resolve();
        };
        const onExit = () => reject(new Error(`${name} exited during ${command}`));
        child.on('message', onMessage);
        child.once('exit', onExit);
        child.send(command);
      }),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('stop');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    kill: () => void child.kill('SIGKILL'),
  };
}
