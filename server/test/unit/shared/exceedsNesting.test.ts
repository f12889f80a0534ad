import { expect } from 'chai';
import { exceedsNesting } from '../../../src/shared/http/exceedsNesting';

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('exceedsNesting', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(exceedsNesting(nested(64), 64)).to.equal(false);
    expect(exceedsNesting(nested(65), 64)).to.equal(true);
    expect(exceedsNesting('['.repeat(65) + ']'.repeat(65), 64)).to.equal(true);
  });

  it('counts siblings once, not cumulatively', () => {
    expect(exceedsNesting(`[${Array.from({ length: 100 }, () => '[[1]]').join(',')}]`, 3)).to.equal(false);
  });

  it('ignores brackets and escaped quotes inside strings', () => {
    expect(exceedsNesting(JSON.stringify({ text: '[[[[{{{{ \\" [[[[' }), 1)).to.equal(false);
    expect(exceedsNesting(JSON.stringify({ text: 'say \\"[[[\\"' }), 1)).to.equal(false);
  });
});
