import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Runtime } from '../bootstrap';
import type { Config } from '../config';
import type { Logger } from '../shared/logging/createLogger';
import { UsageError } from './UsageError';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  /** True when stderr is a terminal (progress bars); log lines otherwise. */
  interactive?: boolean;
}

/** `config` and `logger` are read on first use: `keys generate` works with no valid environment. */
export interface CommandContext {
  readonly config: Config;
  readonly logger: Logger;
  io: CliIo;
}

export type Command = (args: string[], ctx: CommandContext) => Promise<void>;

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  required: string[] = [],
) {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = required.filter((k) => values[k] === undefined || values[k] === '');
  if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  return values;
}

/** Runs `work` against a migrated database and always closes it. */
export async function withRuntime<T>(
  ctx: CommandContext,
  work: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  // Loaded here, not at the top: commands that need no database start without it.
  const { bootstrap } = await import('../bootstrap');
  const runtime = await bootstrap(ctx.config, ctx.logger);
  try {
    return await work(runtime);
  } finally {
    await runtime.db.close();
  }
}

export const json = { type: 'boolean' } as const;
export const text = { type: 'string' } as const;
