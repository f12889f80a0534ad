import { expect } from 'chai';
import type { EventLog } from '../../../src/modules/events/domain/EventLog';
import { eventsAfter } from '../../../src/modules/events/infrastructure/eventQueries';
import { TYPES } from '../../../src/types';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

const leadEvent = (tenantId: string, n: number) => ({
  tenantId,
  type: 'lead.created' as const,
  data: { n },
});

describe('event log', () => {
  const log = () => testContainer().container.get<EventLog>(TYPES.EventLog);

  it('numbers each tenant’s events 1, 2, 3… in the order they were appended', async () => {
    const [a, b] = [await aTenant(), await aTenant()];
    await testDb().run(async () => {
      await log().append([leadEvent(a.id, 1), leadEvent(b.id, 1)]);
      await log().append([leadEvent(a.id, 2)]);
    });
    await log().append([leadEvent(a.id, 3)]);
    const ofA = await eventsAfter(testDb(), a.id, 0, 10);
    expect(ofA.map((e) => [e.id, e.data.n])).to.deep.equal([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect((await eventsAfter(testDb(), b.id, 0, 10)).map((e) => e.id)).to.deep.equal([1]);
  });

  it('flushes after the other before-commit hooks, and flushes again what a later hook appends', async () => {
    const tenant = await aTenant();
    const events = log(); // one instance: its buffer is per transaction
    const ran: string[] = [];
    await testDb().run(async () => {
      await events.append([leadEvent(tenant.id, 1)]);
      testDb().beforeCommit(async () => {
        ran.push('normal hook');
        // Appended by a hook registered after the flush, still before it runs: same statement.
        await events.append([leadEvent(tenant.id, 2)]);
      });
      testDb().beforeCommit(async () => {
        const ids = (await eventsAfter(testDb(), tenant.id, 0, 10)).map((e) => e.id);
        ran.push(`last hook sees ${ids.join(',')}`);
        await events.append([leadEvent(tenant.id, 3)]);
      }, 'last');
    });
    expect(ran).to.deep.equal(['normal hook', 'last hook sees 1,2']);
    const stored = await eventsAfter(testDb(), tenant.id, 0, 10);
    expect(stored.map((e) => [e.id, e.data.n])).to.deep.equal([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it('writes nothing for a change that rolls back', async () => {
    const tenant = await aTenant();
    const failing = testDb().run(async () => {
      await log().append([leadEvent(tenant.id, 1)]);
      throw new Error('the change fails');
    });
    const error = await failing.then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).to.equal('the change fails');
    expect(await eventsAfter(testDb(), tenant.id, 0, 10)).to.deep.equal([]);
    await log().append([leadEvent(tenant.id, 2)]);
    expect((await eventsAfter(testDb(), tenant.id, 0, 10)).map((e) => e.id)).to.deep.equal([1]);
  });

  it('commits concurrent transactions in id order: a reader never sees an id before a smaller one', async function () {
    if (testDb().kind === 'embedded') this.skip(); // one connection: transactions cannot overlap
    const tenant = await aTenant();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first transaction takes its ids, then waits before committing; the second appends meanwhile.
    const slow = testDb().run(async () => {
      await log().append([leadEvent(tenant.id, 1)]);
      testDb().beforeCommit(() => held, 'last');
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const fast = log().append([leadEvent(tenant.id, 2)]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await eventsAfter(testDb(), tenant.id, 0, 10)).to.deep.equal([]);
    release();
    await Promise.all([slow, fast]);
    expect((await eventsAfter(testDb(), tenant.id, 0, 10)).map((e) => [e.id, e.data.n])).to.deep.equal([
      [1, 1],
      [2, 2],
    ]);
  });
});
