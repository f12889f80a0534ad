import { expect } from 'chai';
import { signMetaBody, verifyMetaSignature } from '../../../src/whatsapp/inbound/metaSignature';
import {
  fixtureNames,
  fixtureSignature,
  loadFixture,
  META_APP_SECRET,
  signatures,
} from '../../support/fixtures';

describe('verifyMetaSignature', () => {
  const metaFixtures = fixtureNames('meta-', '.json');
  const body = loadFixture('meta-text.json');
  const valid = fixtureSignature('meta-text.json').signature;

  it('uses the app secret the fixture README documents', () => {
    expect(signatures().meta.app_secret).to.equal(META_APP_SECRET);
  });

  it('has a recorded signature for every Meta fixture', () => {
    expect(metaFixtures).to.have.length.greaterThan(0);
    expect(Object.keys(signatures().meta.files).sort()).to.deep.equal(metaFixtures);
  });

  for (const name of metaFixtures) {
    it(`accepts the recorded signature over the raw bytes of ${name}`, () => {
      expect(
        verifyMetaSignature(loadFixture(name), fixtureSignature(name).signature, META_APP_SECRET),
      ).to.equal(true);
    });

    it(`rejects ${name} once re-serialised with JSON.stringify(JSON.parse())`, () => {
      const reserialised = Buffer.from(JSON.stringify(JSON.parse(loadFixture(name).toString('utf8'))));
      expect(verifyMetaSignature(reserialised, fixtureSignature(name).signature, META_APP_SECRET)).to.equal(
        false,
      );
    });
  }

  it('signMetaBody reproduces the recorded header for every fixture', () => {
    for (const name of metaFixtures) {
      expect(signMetaBody(loadFixture(name), META_APP_SECRET), name).to.equal(
        fixtureSignature(name).signature,
      );
    }
  });

  it('signMetaBody signs a string the same as its UTF-8 bytes', () => {
    expect(signMetaBody(body.toString('utf8'), META_APP_SECRET)).to.equal(valid);
  });

  it('accepts an upper-case hex digest', () => {
    expect(verifyMetaSignature(body, `sha256=${valid.slice(7).toUpperCase()}`, META_APP_SECRET)).to.equal(
      true,
    );
  });

  it('rejects a signature made with another secret', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, 'another_secret'), META_APP_SECRET)).to.equal(false);
  });

  it('rejects a forged signature that differs in one hex digit', () => {
    const last = valid.endsWith('0') ? '1' : '0';
    expect(verifyMetaSignature(body, valid.slice(0, -1) + last, META_APP_SECRET)).to.equal(false);
  });

  it('rejects a body changed by one byte', () => {
    const tampered = Buffer.from(body);
    tampered[tampered.length - 2] ^= 1;
    expect(verifyMetaSignature(tampered, valid, META_APP_SECRET)).to.equal(false);
  });

  it('returns false for a missing or empty header', () => {
    expect(verifyMetaSignature(body, undefined, META_APP_SECRET)).to.equal(false);
    expect(verifyMetaSignature(body, '', META_APP_SECRET)).to.equal(false);
  });

  it('returns false for a digest of the wrong length', () => {
    expect(verifyMetaSignature(body, valid.slice(0, -2), META_APP_SECRET)).to.equal(false);
    expect(verifyMetaSignature(body, `${valid}00`, META_APP_SECRET)).to.equal(false);
  });

  it('returns false for non-hex or badly prefixed headers without throwing', () => {
    const digest = valid.slice(7);
    for (const header of [
      `sha256=${'z'.repeat(64)}`,
      `sha256=${digest.slice(0, -1)}g`,
      digest,
      `sha1=${digest}`,
      `SHA256=${digest}`,
      ` sha256=${digest}`,
      `sha256=${digest}\n`,
      'sha256=',
    ]) {
      expect(verifyMetaSignature(body, header, META_APP_SECRET), JSON.stringify(header)).to.equal(false);
    }
  });

  it('returns false when the app secret is empty', () => {
    expect(verifyMetaSignature(body, signMetaBody(body, ''), '')).to.equal(false);
  });

  it('returns false when handed a parsed body instead of the raw bytes', () => {
    const parsed = JSON.parse(body.toString('utf8')) as unknown as Buffer;
    expect(verifyMetaSignature(parsed, valid, META_APP_SECRET)).to.equal(false);
  });
});
