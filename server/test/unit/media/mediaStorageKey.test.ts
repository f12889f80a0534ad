import { expect } from 'chai';
import { mediaStorageKey } from '../../../src/modules/media/domain/mediaStorageKey';

describe('mediaStorageKey', () => {
  const at = new Date('2026-01-31T23:30:00-05:00');
  const media = { id: 'm1', tenantId: 't1' };

  it('is <tenant>/<yyyy>/<mm>/<id>.<ext> with the month in UTC', () => {
    expect(mediaStorageKey({ ...media, mimeType: 'image/jpeg' }, at)).to.equal('t1/2026/02/m1.jpg');
  });

  it('takes the extension from the MIME type (ignoring parameters), then the filename, else bin', () => {
    expect(mediaStorageKey({ ...media, mimeType: 'audio/ogg; codecs=opus' }, at)).to.match(/\.ogg$/);
    expect(mediaStorageKey({ ...media, mimeType: 'application/x-foo', filename: 'Quote.PDF' }, at)).to.match(
      /\.pdf$/,
    );
    expect(mediaStorageKey({ ...media, filename: '../../etc/passwd' }, at)).to.match(/m1\.bin$/);
  });
});
