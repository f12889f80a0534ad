import { ConfigError } from '../config';
import { AppError, NotFoundError, ValidationError } from '../shared/errors/AppError';
import { oneLineMessage } from '../shared/errors/oneLineMessage';
import { UsageError } from './UsageError';

export const EXIT = { done: 0, failure: 1, usage: 2 } as const;

/**
 * 2 for bad usage — unknown options, missing or invalid values (a role, a phone, a tenant that does
 * not exist), an invalid environment — and 1 for everything that went wrong doing it. One line.
 */
export function failureOf(error: unknown): { code: 1 | 2; message: string } {
  const usage =
    error instanceof UsageError ||
    error instanceof ConfigError ||
    error instanceof ValidationError ||
    error instanceof NotFoundError;
  if (usage) return { code: EXIT.usage, message: error.message };
  if (error instanceof AppError) return { code: EXIT.failure, message: error.message };
  return { code: EXIT.failure, message: oneLineMessage(error) };
}
