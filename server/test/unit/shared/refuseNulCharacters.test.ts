import { expect } from 'chai';
import type { Request, Response } from 'express';
import { ValidationError } from '../../../src/shared/errors/AppError';
import { refuseNulCharacters } from '../../../src/shared/http/refuseNulCharacters';

const outcome = (req: Partial<Request>) => {
  let passed: unknown = 'not called';
  refuseNulCharacters(req as Request, {} as Response, (error?: unknown) => (passed = error));
  return passed;
};

describe('refuseNulCharacters', () => {
  it('lets ordinary requests through', () => {
    expect(
      outcome({ originalUrl: '/api/v1/trips/PAT-0311?x=%20', body: { note: 'ok', list: ['a'] } }),
    ).to.equal(undefined);
  });

  it('refuses a NUL in the path or query, encoded', () => {
    expect(outcome({ originalUrl: '/api/v1/trips/a%00b', body: {} })).to.be.instanceOf(ValidationError);
  });

  it('refuses a NUL anywhere in the JSON body, keys included', () => {
    expect(outcome({ originalUrl: '/x', body: { deep: [{ note: 'a\u0000' }] } })).to.be.instanceOf(
      ValidationError,
    );
    expect(outcome({ originalUrl: '/x', body: { 'k\u0000': 1 } })).to.be.instanceOf(ValidationError);
  });
});
