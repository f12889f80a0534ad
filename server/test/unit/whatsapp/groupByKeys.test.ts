import { expect } from 'chai';
import { groupByKeys } from '../../../src/whatsapp/inbox/groupByKeys';

type Item = { n: number; keys: string[] };
const item = (n: number, ...keys: string[]): Item => ({ n, keys });
const numbers = (groups: Item[][]) => groups.map((g) => g.map((i) => i.n));
const group = (items: Item[], lanes: number) => numbers(groupByKeys(items, (i) => i.keys, lanes));

describe('groupByKeys', () => {
  it('spreads items of different keys over the lanes', () => {
    const groups = group([item(1, 'a'), item(2, 'b'), item(3, 'c'), item(4, 'd')], 2);
    expect(groups).to.have.length(2);
    expect(groups.flat().sort()).to.deep.equal([1, 2, 3, 4]);
    expect(groups.map((g) => g.length)).to.deep.equal([2, 2]);
  });

  it('keeps items of one key in one lane, in their original order', () => {
    const groups = group([item(1, 'a'), item(2, 'b'), item(3, 'a'), item(4, 'c'), item(5, 'a')], 3);
    const lane = groups.find((g) => g.includes(1))!;
    expect(lane.filter((n) => [1, 3, 5].includes(n))).to.deep.equal([1, 3, 5]);
    for (const g of groups) expect(g).to.deep.equal([...g].sort((x, y) => x - y));
  });

  it('joins keys linked through an item that carries both', () => {
    const groups = group([item(1, 'a'), item(2, 'b'), item(3, 'a', 'b'), item(4, 'c')], 4);
    expect(groups.find((g) => g.includes(1))).to.include.members([2, 3]);
    expect(groups).to.have.length(2);
  });

  it('puts everything in one group with one lane, and returns no empty groups', () => {
    expect(group([item(1, 'a'), item(2), item(3, 'b')], 1)).to.deep.equal([[1, 2, 3]]);
    expect(group([item(1, 'a')], 4)).to.deep.equal([[1]]);
    expect(group([], 4)).to.deep.equal([]);
  });
});
