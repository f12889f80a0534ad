import { expect } from 'chai';
import { incidentModule } from '../../../src/modules/incident/incidentModule';
import { tripModule } from '../../../src/modules/trip/tripModule';
import { TYPES } from '../../../src/types';
import { testDb } from '../../support/integrationHooks';
import { refsHandedOut } from '../../support/refsHandedOut';
import { testContainer, type TestContext } from '../../support/testContainer';

/** The test container with the trip and incident modules, whether or not container.ts binds them yet. */
export function tripTestContainer(): TestContext {
  const ctx = testContainer();
  if (!ctx.container.isBound(TYPES.TripRepository)) ctx.container.loadSync(tripModule, incidentModule);
  return ctx;
}

const BUSINESS_TABLES = [
  'trips',
  'trip_assignments',
  'incidents',
  'incident_updates',
  'check_ins',
  'timeline_entries',
  'whatsapp_messages',
  'whatsapp_audit_logs',
];

export async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of BUSINESS_TABLES) {
    const row = await testDb().knex(table).count<{ n: number | string }>('* as n').first();
    counts[table] = Number(row?.n ?? 0);
  }
  counts.refs = await refsHandedOut();
  return counts;
}

/** Runs `attempt`, expects it to fail, and checks that no business row was written. */
export async function expectRefusedWithoutWrites(attempt: () => Promise<unknown>): Promise<unknown> {
  const before = await rowCounts();
  const error = await attempt().then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  expect(await rowCounts()).to.deep.equal(before);
  return error;
}

export const queuedMessages = () =>
  testDb()
    .knex('whatsapp_messages')
    .where({ direction: 'OUTBOUND', status: 'queued' })
    .orderBy('customer_phone');

export const timelineOf = (entityType: string, entityId: string) =>
  testDb()
    .knex('timeline_entries')
    .where({ entity_type: entityType, entity_id: entityId })
    .orderBy('created_at');
