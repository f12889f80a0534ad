import crypto from 'node:crypto';
import { expect } from 'chai';
import { normalizeSha256 } from '../../../src/modules/media/domain/normalizeSha256';

describe('normalizeSha256', () => {
  const digest = crypto.createHash('sha256').update('photo').digest();
  const hex = digest.toString('hex');

  it('keeps hex, lowercased', () => {
    expect(normalizeSha256(hex.toUpperCase())).to.equal(hex);
  });

  it('turns base64 (padded, unpadded or URL-safe) into hex', () => {
    expect(normalizeSha256(digest.toString('base64'))).to.equal(hex);
    expect(normalizeSha256(digest.toString('base64').replace(/=$/, ''))).to.equal(hex);
    expect(normalizeSha256(digest.toString('base64url'))).to.equal(hex);
  });

  it('reads the webhook fixture value', () => {
    expect(normalizeSha256('NMJJ1JkOvDNqsOWHkBJJEIsi2dplAR9VPFAev0JLRwg=')).to.match(/^[0-9a-f]{64}$/);
  });

  it('gives undefined for anything that is not a SHA-256', () => {
    for (const value of [undefined, '', 'abc', hex.slice(2), crypto.randomBytes(48).toString('base64')])
      expect(normalizeSha256(value)).to.equal(undefined);
  });
});
