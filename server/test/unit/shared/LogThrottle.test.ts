import { expect } from 'chai';
import { LogThrottle } from '../../../src/shared/logging/LogThrottle';

const at = (ms: number) => new Date(Date.UTC(2026, 2, 1) + ms);

describe('LogThrottle', () => {
  it('lets a key through once per interval', () => {
    const throttle = new LogThrottle(60_000);
    expect([0, 1_000, 59_999].map((ms) => throttle.allows('tenant-a', at(ms)))).to.deep.equal([
      true,
      false,
      false,
    ]);
    expect(throttle.allows('tenant-a', at(60_000))).to.equal(true);
    expect(throttle.allows('tenant-a', at(60_001))).to.equal(false);
  });

  it('keeps keys apart', () => {
    const throttle = new LogThrottle(60_000);
    expect(throttle.allows('tenant-a', at(0))).to.equal(true);
    expect(throttle.allows('tenant-b', at(1))).to.equal(true);
    expect(throttle.allows('tenant-a', at(2))).to.equal(false);
  });

  it('forgets keys whose interval has passed, so it does not grow without bound', () => {
    const throttle = new LogThrottle(60_000);
    for (let i = 0; i < 100; i++) throttle.allows(`tenant-${i}`, at(0));
    throttle.allows('late', at(60_000));
    expect((throttle as unknown as { lastLogged: Map<string, number> }).lastLogged.size).to.equal(1);
  });
});
