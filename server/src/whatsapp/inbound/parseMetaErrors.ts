import type { ProviderError } from '../../shared/channel/InboundEvent';
import { compact } from './compact';
import type { JsonReader } from './JsonReader';

/** Meta's `errors[]` (value-, message- and status-level share one shape); undefined when there are none. */
export function parseMetaErrors(errors: JsonReader[]): ProviderError[] | undefined {
  if (errors.length === 0) return undefined;
  return errors.map((error) =>
    compact({
      // A code-less error is still worth keeping next to its message or status.
      code: error.id('code') ?? 'unknown',
      title: error.str('title'),
      message: error.str('message'),
      details: error.obj('error_data')?.str('details'),
    }),
  );
}
