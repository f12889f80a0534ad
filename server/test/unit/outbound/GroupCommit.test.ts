import { expect } from 'chai';
import { GroupCommit } from '../../../src/whatsapp/outbound/dispatch/GroupCommit';

/** A commit that records its batches and finishes when told to. */
function recordingCommit(errorFor: (item: string) => unknown = () => undefined) {
  const batches: string[][] = [];
  const finish: Array<() => void> = [];
  const commit = (items: string[]) => {
    batches.push(items);
    return new Promise<unknown[]>((resolve) => finish.push(() => resolve(items.map(errorFor))));
  };
  return { batches, commit, finishNext: () => finish.shift()?.() };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('GroupCommit', () => {
  it('commits the first item at once and what arrives meanwhile together, one commit at a time', async () => {
    const { batches, commit, finishNext } = recordingCommit();
    const group = new GroupCommit(commit, 10);
    const done = ['a', 'b', 'c'].map((item) => group.add(item));
    expect(batches).to.deep.equal([['a']]);
    finishNext();
    await settled();
    expect(batches).to.deep.equal([['a'], ['b', 'c']]);
    finishNext();
    await Promise.all(done);
  });

  it('splits what waits into batches of at most maxBatch', async () => {
    const { batches, commit, finishNext } = recordingCommit();
    const group = new GroupCommit(commit, 2);
    const done = ['a', 'b', 'c', 'd'].map((item) => group.add(item));
    for (let i = 0; i < 3; i++) {
      finishNext();
      await settled();
    }
    await Promise.all(done);
    expect(batches).to.deep.equal([['a'], ['b', 'c'], ['d']]);
  });

  it('rejects only the items the commit reports failed, and all of a batch whose commit throws', async () => {
    const { commit, finishNext } = recordingCommit((item) =>
      item === 'b' ? new Error('b is bad') : undefined,
    );
    const group = new GroupCommit(commit, 10);
    const first = ['a', 'b', 'c'].map((item) => group.add(item));
    finishNext();
    await settled();
    finishNext();
    const outcomes = await Promise.allSettled(first);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);

    const broken = new GroupCommit<string>(() => Promise.reject(new Error('database away')), 10);
    const lost = await Promise.allSettled([broken.add('x'), broken.add('y')]);
    expect(lost.map((o) => o.status)).to.deep.equal(['rejected', 'rejected']);
  });
});
