import { expect } from 'chai';
import { panicReason } from '../../../src/whatsapp/outbound/dispatch/panicTrigger';
import { pace } from '../../../src/whatsapp/outbound/dispatch/recipientPacing';
import { backoffMs, retryDelayMs } from '../../../src/whatsapp/outbound/dispatch/retryPolicy';
import { slidingWindow } from '../../../src/whatsapp/outbound/dispatch/slidingWindow';
import { ProviderError } from '../../../src/whatsapp/outbound/provider/ProviderError';

const t0 = new Date('2026-03-01T09:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('slidingWindow', () => {
  it('allows what the last minute leaves and says when the next slot frees', () => {
    const window = slidingWindow({ count: 2, oldest: at(-50_000) }, 3, 60_000, t0);
    expect(window.budget).to.equal(1);
    expect(window.nextSlotAt(0)).to.deep.equal(t0);
    expect(window.nextSlotAt(1)).to.deep.equal(at(10_000));
  });

  it('with the window full, the oldest of the newest sends frees the next slot', () => {
    const window = slidingWindow({ count: 2, oldest: at(-20_000) }, 2, 60_000, t0);
    expect(window.budget).to.equal(0);
    expect(window.nextSlotAt(0)).to.deep.equal(at(40_000));
  });

  it('an empty window allows the whole limit, the next slot a window after now', () => {
    const window = slidingWindow({ count: 0 }, 2, 60_000, t0);
    expect(window.budget).to.equal(2);
    expect(window.nextSlotAt(1)).to.deep.equal(t0);
    expect(window.nextSlotAt(2)).to.deep.equal(at(60_000));
  });
});

describe('pace (per recipient)', () => {
  it('lets a short burst through, then one message per 6 s', () => {
    let tat: Date | undefined;
    const allowed: number[] = [];
    for (let ms = 0; ms <= 18_000; ms += 1_000) {
      const decision = pace(tat, at(ms));
      if (decision.allowed) {
        tat = decision.tat;
        allowed.push(ms);
      }
    }
    expect(allowed).to.deep.equal([0, 1_000, 2_000, 6_000, 12_000, 18_000]);
  });

  it('says when the recipient may be written to again', () => {
    const decision = pace(at(18_000), t0);
    expect(decision).to.deep.equal({ allowed: false, notBefore: at(6_000) });
  });
});

describe('retry policy', () => {
  const transient = new ProviderError('retryable', '131000', 'Something went wrong');
  it('backs off exponentially with full jitter', () => {
    expect(backoffMs(1, () => 0.999)).to.be.within(1_990, 2_000);
    expect(backoffMs(3, () => 0.5)).to.equal(4_000);
    expect(backoffMs(20, () => 1)).to.equal(300_000);
    expect(backoffMs(2, () => 0)).to.equal(0);
  });

  it('retries retryable and throttled failures up to 5 attempts, never permanent or auth ones', () => {
    expect(retryDelayMs(transient, 4, () => 0.5)).to.equal(8_000);
    expect(retryDelayMs(transient, 5)).to.equal(undefined);
    expect(retryDelayMs(new ProviderError('throttled', '130429', 'Rate limit hit'), 1, () => 0)).to.equal(0);
    expect(retryDelayMs(new ProviderError('permanent', '131047', 'Re-engagement message'), 1)).to.equal(
      undefined,
    );
    expect(retryDelayMs(new ProviderError('auth', '190', 'Token expired'), 1)).to.equal(undefined);
  });

  it('waits at least what Retry-After says', () => {
    const throttled = new ProviderError('throttled', 'http_429', 'Too many requests', {
      retryAfterMs: 30_000,
    });
    expect(retryDelayMs(throttled, 1, () => 0.5)).to.equal(30_000);
  });
});

describe('panicReason', () => {
  it('needs at least 20 sends with more than 30 % failed', () => {
    expect(panicReason({ tried: 19, failed: 19, throttled: 0 })).to.equal(undefined);
    expect(panicReason({ tried: 20, failed: 6, throttled: 0 })).to.equal(undefined);
    expect(panicReason({ tried: 20, failed: 7, throttled: 0 })).to.equal('failure_rate');
  });

  it('panics on throttling that lasts, not on a momentary burst', () => {
    const stats = { tried: 10, failed: 0, throttled: 10, firstThrottledAt: t0 };
    expect(panicReason({ ...stats, lastThrottledAt: at(5_000) })).to.equal(undefined);
    expect(panicReason({ ...stats, lastThrottledAt: at(60_000) })).to.equal('throttling');
  });
});
