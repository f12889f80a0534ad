import { expect } from 'chai';
import { foldText } from '../../../../src/routing/parse/foldText';
import { matchStaffKeyword, type StaffKeywordMatch } from '../../../../src/routing/parse/matchStaffKeyword';

describe('matchStaffKeyword', () => {
  const cases: [input: string, expected: StaffKeywordMatch | undefined][] = [
    ['ISSUE TRP1 x', { verb: 'issue', rest: 'TRP1 x' }],
    ['issue: TRP1  x ', { verb: 'issue', rest: 'TRP1  x' }],
    ['CHECK\n IN TRP1', { verb: 'checkin', rest: 'TRP1' }],
    ['check-in', { verb: 'checkin', rest: '' }],
    ['RESUELTO', { verb: 'resolve', rest: '' }],
    ['MENU\u0301', { verb: 'help', rest: '' }],
    ['??', { verb: 'help', rest: '' }],
    ['check inn TRP1', undefined],
    ['checking TRP1', undefined],
    ['hello', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(matchStaffKeyword(input)).to.deep.equal(expected);
    });
  }
});

describe('foldText', () => {
  const cases: [string, string][] = [
    ['Diciembre', 'diciembre'],
    ['NIÑOS', 'ninos'],
    ['¿Cómo pago?', '¿como pago?'],
    ['MENU\u0301', 'menu'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(foldText(input)).to.equal(expected);
    });
  }
});
