import { expect } from 'chai';
import { LanesInFlight } from '../../../src/whatsapp/inbox/LanesInFlight';

interface Item {
  id: string;
  customer: string;
}

/** A lane's work that finishes when the test says so, recording when it started and finished. */
function controlled(log: string[]) {
  const release = new Map<string, () => void>();
  const work = (lane: Item[]) => {
    const name = lane.map((i) => i.id).join('+');
    log.push(`start ${name}`);
    return new Promise<void>((resolve) =>
      release.set(name, () => {
        log.push(`end ${name}`);
        resolve();
      }),
    );
  };
  return { work, release: (name: string) => release.get(name)?.() };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const keysOf = (item: Item) => [item.customer];

describe('LanesInFlight', () => {
  it('starts a lane only after the running lane that has one of its customers, and others at once', async () => {
    const log: string[] = [];
    const { work, release } = controlled(log);
    const lanes = new LanesInFlight<Item>(() => undefined);
    lanes.start([{ id: 'a1', customer: 'A' }], keysOf, work);
    lanes.start([{ id: 'b1', customer: 'B' }], keysOf, work);
    lanes.start(
      [
        { id: 'c1', customer: 'C' },
        { id: 'a2', customer: 'A' },
      ],
      keysOf,
      work,
    );
    await tick();
    expect(log).to.deep.equal(['start a1', 'start b1']);
    expect(lanes.size).to.equal(3);
    expect(lanes.events).to.equal(4);
    expect(['A', 'B', 'C', 'D'].map((customer) => lanes.holds(customer))).to.deep.equal([
      true,
      true,
      true,
      false,
    ]);

    release('b1');
    await lanes.anyFinished();
    expect(log).to.deep.equal(['start a1', 'start b1', 'end b1']);
    expect(lanes.size).to.equal(2);
    expect(lanes.events).to.equal(3);

    release('a1');
    await tick();
    expect(log.slice(3)).to.deep.equal(['end a1', 'start c1+a2']);
    release('c1+a2');
    await lanes.allFinished();
    expect(lanes.size).to.equal(0);
    expect(lanes.events).to.equal(0);
    expect(lanes.holds('A')).to.equal(false);
  });

  it('chains a customer through several lanes in the order they were started', async () => {
    const log: string[] = [];
    const { work, release } = controlled(log);
    const lanes = new LanesInFlight<Item>(() => undefined);
    for (const id of ['x1', 'x2', 'x3']) lanes.start([{ id, customer: 'X' }], keysOf, work);
    for (const id of ['x1', 'x2', 'x3']) {
      await tick();
      release(id);
    }
    await lanes.allFinished();
    expect(log).to.deep.equal(['start x1', 'end x1', 'start x2', 'end x2', 'start x3', 'end x3']);
  });

  it('reports a failing lane and still lets the lanes after it run', async () => {
    const errors: unknown[] = [];
    const lanes = new LanesInFlight<Item>((error) => errors.push(error));
    const done: string[] = [];
    lanes.start([{ id: 'y1', customer: 'Y' }], keysOf, () => Promise.reject(new Error('boom')));
    lanes.start([{ id: 'y2', customer: 'Y' }], keysOf, async () => void done.push('y2'));
    await lanes.allFinished();
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['boom']);
    expect(done).to.deep.equal(['y2']);
    expect(lanes.size).to.equal(0);
  });
});
