import { expect } from 'chai';
import { parseAmount, parseCurrency } from '../../../src/modules/booking/domain/Money';
import { ValidationError } from '../../../src/shared/errors/AppError';

describe('Money', () => {
  it('normalises amounts to two decimals', () => {
    expect(parseAmount('1500')).to.equal('1500.00');
    expect(parseAmount(' 12.5 ')).to.equal('12.50');
    expect(parseAmount(0.1)).to.equal('0.10');
    expect(parseAmount('999999999999.99')).to.equal('999999999999.99');
  });

  for (const bad of [
    '0',
    '0.00',
    '-1',
    '1.234',
    'abc',
    '',
    '1e3',
    '1,5',
    '1000000000000',
    0.1 + 0.2,
    Number.NaN,
  ])
    it(`refuses ${JSON.stringify(bad)}, naming the field`, () => {
      expect(() => parseAmount(bad, 'amount'))
        .to.throw(ValidationError)
        .with.nested.property('fields[0].field', 'amount');
    });

  it('upper-cases a currency and refuses anything but three letters', () => {
    expect(parseCurrency('usd')).to.equal('USD');
    for (const bad of ['US', 'USDT', '12A', '']) expect(() => parseCurrency(bad)).to.throw(ValidationError);
  });
});
