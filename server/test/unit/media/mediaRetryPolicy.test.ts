import { expect } from 'chai';
import { mediaRetryPolicy } from '../../../src/modules/media/domain/mediaRetryPolicy';

describe('mediaRetryPolicy', () => {
  it('doubles the delay per attempt, within ±25 % jitter', () => {
    expect(mediaRetryPolicy.delaySeconds(1, () => 0.5)).to.equal(2);
    expect(mediaRetryPolicy.delaySeconds(3, () => 0)).to.equal(6);
    expect(mediaRetryPolicy.delaySeconds(3, () => 1)).to.equal(10);
  });

  it('caps the delay at five minutes', () => {
    expect(mediaRetryPolicy.delaySeconds(20, () => 1)).to.equal(300);
  });
});
