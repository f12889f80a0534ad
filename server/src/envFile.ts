import fs from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

export type Environment = Record<string, string | undefined>;

/**
 * The variables of `.env` in `dir` under the process environment: a variable set (non-empty) in
 * the environment wins over the file, so `PORT=4000 npm start` overrides what `.env` says.
 * No file, no change. Server and CLI both read it, so they agree on DATA_DIR, PORT and the key.
 */
export function withEnvFile(env: Environment, dir: string = process.cwd()): Environment {
  const file = path.join(dir, '.env');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  const set = Object.entries(env).filter(([, value]) => value !== undefined && value !== '');
  return { ...parseEnv(text), ...Object.fromEntries(set) };
}
