import { expect } from 'chai';
import { isDatabaseUnavailable } from '../../../src/shared/db/isDatabaseUnavailable';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('isDatabaseUnavailable', () => {
  it('is true for the SQLSTATEs that mean "retry later"', () => {
    for (const code of [
      '08006',
      '08001',
      '53300',
      '53100',
      '53200',
      '55000',
      '57P01',
      '57P02',
      '57P03',
      '57P05',
    ])
      expect(isDatabaseUnavailable(pgError(code)), code).to.equal(true);
  });

  it('is false for a bad query or bad data', () => {
    for (const code of ['22P02', '22007', '23505', '42P01', '55P03', '57014', '5300'])
      expect(isDatabaseUnavailable(pgError(code)), code).to.equal(false);
  });
});
