import { expect } from 'chai';
import { reusableUpload, UPLOAD_REUSE_MS } from '../../../src/modules/media/domain/providerUploadReuse';
import { uploadMimeType } from '../../../src/modules/media/domain/uploadMimeType';

describe('provider uploads of stored media', () => {
  const uploadedAt = new Date('2026-03-01T10:00:00Z');
  const upload = { providerMediaId: '1234', provider: 'meta', account: '1098', uploadedAt };
  const target = { provider: 'meta', account: '1098' };
  const after = (ms: number) => new Date(uploadedAt.getTime() + ms);

  it('reuses an upload to the same provider and number until it is about to expire', () => {
    expect(reusableUpload(upload, target, uploadedAt)).to.equal('1234');
    expect(reusableUpload(upload, target, after(UPLOAD_REUSE_MS - 1))).to.equal('1234');
    expect(reusableUpload(upload, target, after(UPLOAD_REUSE_MS))).to.equal(undefined);
    expect(UPLOAD_REUSE_MS).to.be.below(30 * 24 * 3_600_000);
  });

  it('uploads again for another provider or number, or without an earlier upload', () => {
    expect(reusableUpload(upload, { ...target, provider: '360dialog' }, uploadedAt)).to.equal(undefined);
    expect(reusableUpload(upload, { ...target, account: '2222' }, uploadedAt)).to.equal(undefined);
    expect(reusableUpload(undefined, target, uploadedAt)).to.equal(undefined);
  });

  it('reuses an upload stamped a little ahead by another instance’s clock', () => {
    expect(reusableUpload(upload, target, after(-5_000))).to.equal('1234');
  });

  it('uploads Ogg audio as Opus and other types as their bare MIME type', () => {
    expect(uploadMimeType('audio/ogg')).to.equal('audio/ogg; codecs=opus');
    expect(uploadMimeType('Audio/OGG; codecs=opus')).to.equal('audio/ogg; codecs=opus');
    expect(uploadMimeType('image/png')).to.equal('image/png');
    expect(uploadMimeType('text/plain; charset=utf-8')).to.equal('text/plain');
  });
});
