import { charLength } from '../../../../modules/message/domain/interactiveRules';
import { ProviderError } from '../ProviderError';

/** A message the provider would refuse as built: fails at once, before any HTTP call. */
export const invalidMessage = (reason: string): ProviderError =>
  new ProviderError('permanent', 'invalid_message', reason);

export function requireLength(label: string, value: string | undefined, max: number, min = 1): void {
  if (value === undefined) return;
  const length = charLength(value);
  if (length < min || length > max)
    throw invalidMessage(`${label} must have ${min}–${max} characters (has ${length})`);
}
