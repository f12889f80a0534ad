import { expect } from 'chai';
import { groupBy } from '../../../src/shared/batch/groupBy';

describe('groupBy', () => {
  it('groups by key in order of first appearance, keeping each group in order, mapped when asked', () => {
    const items = [
      { t: 'b', v: 1 },
      { t: 'a', v: 2 },
      { t: 'b', v: 3 },
    ];
    expect([
      ...groupBy(
        items,
        (i) => i.t,
        (i) => i.v,
      ),
    ]).to.deep.equal([
      ['b', [1, 3]],
      ['a', [2]],
    ]);
    expect(groupBy(items, (i) => i.t).get('a')).to.deep.equal([{ t: 'a', v: 2 }]);
  });
});
