import { expect } from 'chai';
import {
  countPlaceholders,
  fillPlaceholders,
  parameterCounts,
  placeholderNumbers,
} from '../../../src/modules/template/domain/templateParameters';

describe('template parameters', () => {
  it('counts {{1}}…{{n}} by the highest number, repeated ones once', () => {
    expect(countPlaceholders('Hi {{1}}, trip {{2}}: {{1}} again.')).to.equal(2);
    expect(countPlaceholders('Update on {{2}} (trip {{1}}): {{3}}.')).to.equal(3);
    expect(countPlaceholders('No parameters.')).to.equal(0);
    expect(countPlaceholders(undefined)).to.equal(0);
  });

  it('lists the distinct numbers in order', () => {
    expect(placeholderNumbers('{{3}} {{1}} {{3}} {{10}}')).to.deep.equal([1, 3, 10]);
  });

  it('counts per component: text header, body and URL buttons with a parameter', () => {
    expect(
      parameterCounts({
        header: { format: 'TEXT', text: 'Trip {{1}}', example: 'x' },
        body: 'Hi {{1}} and {{2}}.',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Yes' },
          { type: 'URL', text: 'Pay', url: 'https://example.com/pay/{{1}}' },
          { type: 'URL', text: 'Site', url: 'https://example.com' },
        ],
      }),
    ).to.deep.equal({ header: 1, body: 2, buttons: [1] });
    expect(parameterCounts({ header: { format: 'IMAGE' }, body: 'Hello.' })).to.deep.equal({
      header: 0,
      body: 0,
      buttons: [],
    });
  });

  it('fills parameters by number', () => {
    expect(fillPlaceholders('Update on {{2}} (trip {{1}}): {{3}}.', ['TRP1', 'INC-2', 'fixed'])).to.equal(
      'Update on INC-2 (trip TRP1): fixed.',
    );
  });
});
