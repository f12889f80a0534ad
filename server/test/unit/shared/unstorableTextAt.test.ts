import { expect } from 'chai';
import { unstorableTextAt } from '../../../src/shared/http/unstorableTextAt';

describe('unstorableTextAt', () => {
  it('finds nothing in ordinary values, surrogate pairs (emoji) included', () => {
    expect(unstorableTextAt({ note: 'ok 🙂', list: ['a', 1, null, { b: true }] })).to.equal(undefined);
    expect(unstorableTextAt('plain')).to.equal(undefined);
  });

  it('names the field holding a NUL, keys included', () => {
    expect(unstorableTextAt({ deep: [{ note: 'a\u0000' }] })).to.deep.equal({
      field: 'deep[0].note',
      kind: 'nul',
    });
    expect(unstorableTextAt({ 'k\u0000': 1 })).to.deep.equal({ field: 'k\u0000', kind: 'nul' });
    expect(unstorableTextAt('\u0000')).to.deep.equal({ field: 'body', kind: 'nul' });
  });

  it('names the field holding a lone high or low surrogate', () => {
    expect(unstorableTextAt({ template: { params: ['ok', 'x\uD800'] } })).to.deep.equal({
      field: 'template.params[1]',
      kind: 'surrogate',
    });
    expect(unstorableTextAt({ text: '\uDC00y' })).to.deep.equal({ field: 'text', kind: 'surrogate' });
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    let value: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(unstorableTextAt(value)?.kind).to.equal('nul');
  });
});
