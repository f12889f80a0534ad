import { expect } from 'chai';
import { newTrip } from '../../../src/modules/trip/domain/Trip';
import { TripCode } from '../../../src/modules/trip/domain/TripCode';
import { ValidationError } from '../../../src/shared/errors/AppError';

describe('Trip', () => {
  const valid = { tenantId: 't1', code: 'trp-123', name: ' Andes ', departureDate: '2026-12-31' };

  it('uppercases the code and trims the name', () => {
    expect(newTrip(valid)).to.deep.equal({
      tenantId: 't1',
      code: 'TRP-123',
      name: 'Andes',
      departureDate: '2026-12-31',
    });
  });

  for (const [field, value] of [
    ['code', 'X'],
    ['code', 'TRP 1'],
    ['code', 'A'.repeat(33)],
    ['name', ''],
    ['departureDate', '2026-02-29'],
    ['departureDate', '31/12/2026'],
  ] as const)
    it(`refuses ${field} "${value}", naming the field`, () => {
      const error = (() => {
        try {
          return newTrip({ ...valid, [field]: value });
        } catch (e) {
          return e;
        }
      })();
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fields.map((f) => f.field)).to.deep.equal([field]);
    });

  it('finds the words of a caption that could be trip codes', () => {
    expect(TripCode.candidatesIn('trp123 at the lake, TRP123 again; x')).to.deep.equal([
      'TRP123',
      'AT',
      'THE',
      'LAKE',
      'AGAIN',
    ]);
  });
});
