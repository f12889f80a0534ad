import type { Request } from 'express';
import { AuthenticationError, ValidationError } from '../../shared/errors/AppError';
import type { InboundEvent } from '../../shared/channel/InboundEvent';
import { MalformedDeliveryError } from '../inbound/MalformedDeliveryError';
import { exceedsNesting } from '../../shared/http/exceedsNesting';

/** Deeper than any provider's envelope (about ten levels) by far; see exceedsNesting. */
const MAX_NESTING = 64;

export function bodyOf(req: Request): Buffer {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0)
    throw new ValidationError(
      'Request body is empty',
      [{ field: 'body', message: 'required' }],
      'EMPTY_BODY',
    );
  return req.body;
}

export function parseJson(text: string): unknown {
  if (exceedsNesting(text, MAX_NESTING))
    throw new ValidationError(
      `Request body nests deeper than ${MAX_NESTING} levels`,
      [{ field: 'body', message: 'nested too deeply' }],
      'MALFORMED_BODY',
    );
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(
      'Request body is not valid JSON',
      [{ field: 'body', message: 'invalid JSON' }],
      'MALFORMED_BODY',
    );
  }
}

export function validated(parse: () => InboundEvent[]): InboundEvent[] {
  try {
    return parse();
  } catch (error) {
    if (error instanceof MalformedDeliveryError)
      throw new ValidationError(
        error.message,
        [{ field: error.field, message: error.message }],
        'MALFORMED_DELIVERY',
      );
    throw error;
  }
}

export const unauthorized = () =>
  new AuthenticationError('Missing or invalid webhook signature', 'INVALID_SIGNATURE');

/** Signed with a secret that does not belong to the number the events are for (SPEC §15). */
export const foreignCredentials = () =>
  new AuthenticationError(
    'The delivery is not signed with the credentials of the number it is for',
    'INVALID_SIGNATURE',
  );
