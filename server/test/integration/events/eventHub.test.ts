import { expect } from 'chai';
import type { Knex } from 'knex';
import type { StoredEvent } from '../../../src/modules/events/domain/DomainEvent';
import type { EventLog } from '../../../src/modules/events/domain/EventLog';
import type { EventHub } from '../../../src/modules/events/infrastructure/EventHub';
import { TYPES } from '../../../src/types';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { waitFor } from '../../support/process/waitFor';
import { testContainer } from '../../support/testContainer';

/**
 * The hub hands each commit's events to its subscribers from the notification itself when they fit
 * (no query per commit); larger commits are read from the table. Either way: every event, in order,
 * with the same content as the table holds.
 */
describe('event hub', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
  });

  /** Reads of the events table by anyone on the test database, as knex runs them. */
  function countEventReads(knex: Knex): { count: number; stop(): void } {
    const counter = { count: 0, stop: () => void knex.off('query', onQuery) };
    const onQuery = (query: { sql: string }) => {
      if (/^select .* from "events"/i.test(query.sql)) counter.count++;
    };
    knex.on('query', onQuery);
    return counter;
  }

  it('passes small commits on from the notification, reads large ones from the table', async () => {
    const tenant = await aTenant();
    const { container } = testContainer();
    const hub = container.get<EventHub>(TYPES.EventHub);
    hub.start();
    stops.push(() => hub.stop());
    const received: StoredEvent[] = [];
    const { unsubscribe } = await hub.subscribe(tenant.id, (events) => received.push(...events));
    stops.push(async () => unsubscribe());
    await new Promise((resolve) => setTimeout(resolve, 200)); // the LISTEN connection is up
    const log = container.get<EventLog>(TYPES.EventLog);
    const reads = countEventReads(testDb().knex);
    stops.push(async () => reads.stop());

    await log.append([
      { tenantId: tenant.id, type: 'lead.created', data: { ref: 'LD-1', note: 'ñ "quoted" ✓' } },
      { tenantId: tenant.id, type: 'lead.updated', data: { ref: 'LD-1', stage: 'quoted' } },
    ]);
    await waitFor('the small commit', () => received.length === 2);
    expect(reads.count).to.equal(0);

    const big = 'x'.repeat(10_000);
    await log.append([{ tenantId: tenant.id, type: 'lead.created', data: { ref: 'LD-2', big } }]);
    await waitFor('the large commit', () => received.length === 3);
    expect(reads.count).to.equal(testDb().kind === 'postgres' ? 1 : 0);

    const stored = await testDb().knex('events').where({ tenant_id: tenant.id }).orderBy('id');
    expect(received.map((e) => [e.id, e.type, e.data, e.occurredAt.getTime()])).to.deep.equal(
      stored.map((r: { id: string; type: string; data: unknown; occurred_at: Date }) => [
        Number(r.id),
        r.type,
        r.data,
        r.occurred_at.getTime(),
      ]),
    );
  });
});
