import { expect } from 'chai';
import { oneLineMessage } from '../../../src/shared/errors/oneLineMessage';

describe('oneLineMessage', () => {
  it('leaves the SQL out of a database error and keeps what PostgreSQL said', () => {
    const error = Object.assign(
      new Error(
        'select * from "tenants" where "id" = $1 limit $2 - invalid input syntax for type uuid: "default"',
      ),
      { severity: 'ERROR', code: '22P02' },
    );
    expect(oneLineMessage(error)).to.equal(
      'database error 22P02: invalid input syntax for type uuid: "default"',
    );
  });

  it('keeps the first line of anything else', () => {
    expect(oneLineMessage(new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at …'))).to.equal(
      'connect ECONNREFUSED 127.0.0.1:5432',
    );
    expect(oneLineMessage('plain')).to.equal('plain');
  });
});
