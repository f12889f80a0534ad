import { expect } from 'chai';
import { inRounds } from '../../../src/shared/batch/inRounds';

describe('inRounds', () => {
  it('puts each key at most once in a round, keeping the order within a key', () => {
    const items = ['a1', 'b1', 'a2', 'c1', 'a3', 'b2'];
    expect(inRounds(items, (i) => i[0])).to.deep.equal([['a1', 'b1', 'c1'], ['a2', 'b2'], ['a3']]);
  });

  it('is one round when every key is distinct, and none when there is nothing', () => {
    expect(inRounds(['x', 'y'], (i) => i)).to.deep.equal([['x', 'y']]);
    expect(inRounds([], (i: string) => i)).to.deep.equal([]);
  });
});
