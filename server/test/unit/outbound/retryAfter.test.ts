import { expect } from 'chai';
import { retryAfterMs } from '../../../src/whatsapp/outbound/provider/http/retryAfter';

describe('retryAfterMs', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('30')).to.equal(30_000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', now)).to.equal(10_000);
    expect(retryAfterMs('Wed, 31 Dec 2025 23:00:00 GMT', now)).to.equal(0);
  });

  it('ignores absent or unreadable values', () => {
    expect(retryAfterMs(null)).to.equal(undefined);
    expect(retryAfterMs('soon')).to.equal(undefined);
  });
});
