import { expect } from 'chai';
import { RateLimitedError } from '../../../src/shared/errors/AppError';
import { AuthFailureGuard, type AuthThrottle } from '../../../src/shared/http/AuthFailureGuard';

describe('AuthFailureGuard', () => {
  let now = 0;
  let throttles: AuthThrottle[];
  const guard = () => {
    throttles = [];
    return new AuthFailureGuard({
      limit: 2,
      windowMs: 60_000,
      onThrottle: (t) => throttles.push(t),
      now: () => now,
    });
  };

  it('trips once at the limit, refuses until the window ends, then lets the client try again', () => {
    now = 0;
    const g = guard();
    g.failed('192.0.2.1', 'api_key');
    g.assertAllowed('192.0.2.1', 'api_key');
    g.failed('192.0.2.1', 'api_key');
    expect(throttles).to.deep.equal([
      { client: '192.0.2.1', surface: 'api_key', failures: 2, windowSeconds: 60 },
    ]);
    now = 45_000;
    expect(() => g.assertAllowed('192.0.2.1', 'api_key'))
      .to.throw(RateLimitedError)
      .with.property('retryAfterSeconds', 15);
    now = 60_000;
    g.assertAllowed('192.0.2.1', 'api_key');
  });

  it('counts an IPv4-mapped address as the IPv4 one', () => {
    now = 0;
    const g = guard();
    g.failed('::ffff:192.0.2.9', 'metrics');
    g.failed('192.0.2.9', 'metrics');
    expect(throttles[0]).to.include({ client: '192.0.2.9' });
  });
});
