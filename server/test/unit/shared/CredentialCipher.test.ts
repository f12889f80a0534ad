import crypto from 'node:crypto';
import { expect } from 'chai';
import { CredentialCipher } from '../../../src/shared/crypto/CredentialCipher';

describe('CredentialCipher', () => {
  const cipher = new CredentialCipher(crypto.randomBytes(32));
  const secrets = { accessToken: 'EAAG-very-secret', webhookSecret: 'app-secret' };

  it('round-trips credentials', () => {
    expect(cipher.decrypt(cipher.encrypt(secrets))).to.deep.equal(secrets);
  });

  it('never writes the plaintext and uses a fresh IV each time', () => {
    const a = cipher.encrypt(secrets);
    const b = cipher.encrypt(secrets);
    expect(a).not.to.include('EAAG');
    expect(a).to.match(/^v1\./);
    expect(a).not.to.equal(b);
  });

  it('refuses a tampered envelope', () => {
    const parts = cipher.encrypt(secrets).split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'))).to.throw();
  });

  it('refuses an envelope made with another key', () => {
    const other = new CredentialCipher(crypto.randomBytes(32));
    expect(() => cipher.decrypt(other.encrypt(secrets))).to.throw();
  });

  it('rejects keys that are not 32 bytes', () => {
    expect(() => new CredentialCipher(Buffer.alloc(16))).to.throw(/32 bytes/);
  });
});
