import type { Tone } from '../../../components/ui/Badge';
import type { Connection } from '../api/connections';

export interface LastTest {
  ok: boolean;
  checkedAt: string;
  error?: string;
}

/** `health.lastTest` of a connection, when it has been tested (the field is free-form JSON). */
export function lastTest(connection: Connection): LastTest | undefined {
  const test = (connection.health as { lastTest?: Partial<LastTest> }).lastTest;
  if (typeof test?.ok !== 'boolean' || typeof test.checkedAt !== 'string') return undefined;
  return { ok: test.ok, checkedAt: test.checkedAt, error: test.error };
}

export const STATUS_TONES: Record<Connection['status'], Tone> = {
  active: 'good',
  pending: 'warn',
  suspended: 'bad',
  disconnected: 'neutral',
};

export const QUALITY_TONES: Record<Connection['qualityRating'], Tone> = {
  GREEN: 'good',
  YELLOW: 'warn',
  RED: 'bad',
  UNKNOWN: 'neutral',
};

/** What the list calls a number: WhatsApp's display form when known, else the E.164 configured. */
export const numberOf = (c: Connection) => c.displayPhoneNumber ?? c.phoneNumber ?? '—';

/** How a connection is named in a sentence or a button: its number, else its provider. */
export const nameOf = (c: Connection) => c.displayPhoneNumber ?? c.phoneNumber ?? c.provider;
