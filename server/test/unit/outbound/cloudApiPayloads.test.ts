import { expect } from 'chai';
import { buttonsMessage, listMessage } from '../../support/interactiveMessages';
import { messagePayload } from '../../../src/whatsapp/outbound/provider/cloudapi/messagePayload';
import { templatePayload } from '../../../src/whatsapp/outbound/provider/cloudapi/templatePayload';
import { ProviderError } from '../../../src/whatsapp/outbound/provider/ProviderError';
import type { SessionMessage } from '../../../src/whatsapp/outbound/provider/WhatsappProvider';

const build = (message: SessionMessage) => messagePayload({ to: '+54 9 11 5555-0123', message });
const refusal = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).to.be.instanceOf(ProviderError).and.include({ kind: 'permanent', code: 'invalid_message' });
    return (error as ProviderError).title;
  }
  throw new Error('expected a refusal');
};
const rows = (n: number, prefix = 'r') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, title: `Row ${i}` }));

describe('Cloud API payloads', () => {
  it('addresses the recipient in international form, with the plus sign', () => {
    expect(build({ kind: 'text', text: 'x' }).to).to.equal('+5491155550123');
  });

  it('carries our message id for Meta to echo in the status webhooks', () => {
    const id = '0b9c2f6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';
    expect(
      messagePayload({ to: '+5491155550123', message: { kind: 'text', text: 'x' }, messageId: id }),
    ).to.include({ biz_opaque_callback_data: id });
    expect(
      templatePayload({ to: '+5491155550123', name: 't', language: 'en', bodyParams: [], messageId: id }),
    ).to.include({ biz_opaque_callback_data: id });
    expect(build({ kind: 'text', text: 'x' })).not.to.have.property('biz_opaque_callback_data');
  });

  it('accepts WhatsApp’s maxima exactly', () => {
    build({ kind: 'text', text: 'x'.repeat(4096) });
    build(
      buttonsMessage({
        body: 'x'.repeat(1024),
        footer: 'f'.repeat(60),
        buttons: [1, 2, 3].map((i) => ({ id: `b${i}`, title: `${i}`.padEnd(20, '·') })),
      }),
    );
    build(
      listMessage({
        body: 'x',
        buttonText: 'b'.repeat(20),
        sections: [{ title: 's'.repeat(24), rows: rows(10) }],
      }),
    );
  });

  it('refuses what WhatsApp would refuse', () => {
    expect(refusal(() => build({ kind: 'text', text: '' }))).to.contain('text body');
    expect(refusal(() => build({ kind: 'text', text: 'x'.repeat(4097) }))).to.contain('4096');
    expect(refusal(() => build(buttonsMessage({ body: 'x', buttons: [] })))).to.contain('1–3');
    expect(
      refusal(() =>
        build(
          buttonsMessage({
            body: 'x',
            buttons: [
              { id: 'a', title: 'Same' },
              { id: 'b', title: 'Same' },
            ],
          }),
        ),
      ),
    ).to.contain('unique');
    expect(
      refusal(() => build(listMessage({ body: 'x', buttonText: 'b', sections: [{ rows: rows(11) }] }))),
    ).to.contain('rows in all');
    expect(
      refusal(() =>
        build(
          listMessage({ body: 'x', buttonText: 'b', sections: [{ rows: rows(2) }, { rows: rows(2, 'q') }] }),
        ),
      ),
    ).to.contain('title');
    expect(
      refusal(() =>
        build(
          listMessage({
            body: 'x',
            buttonText: 'b',
            sections: [{ rows: [{ id: 'a', title: 't'.repeat(25) }] }],
          }),
        ),
      ),
    ).to.contain('rows[0].title');
    expect(
      refusal(() =>
        build(
          listMessage({
            body: 'x',
            buttonText: 'b',
            sections: [{ rows: [{ id: 'a', title: 't', description: 'd'.repeat(73) }] }],
          }),
        ),
      ),
    ).to.contain('72');
    expect(refusal(() => build({ kind: 'media', mediaType: 'image' }))).to.contain('either');
    expect(
      refusal(() => build({ kind: 'media', mediaType: 'audio', mediaId: '1', caption: 'c' })),
    ).to.contain('caption');
    expect(refusal(() => build({ kind: 'media', mediaType: 'image', link: 'ftp://x/y.png' }))).to.contain(
      'http',
    );
  });

  it('counts an emoji as one character', () => {
    build(buttonsMessage({ body: 'x', buttons: [{ id: 'a', title: '👍'.repeat(20) }] }));
  });

  it('refuses empty template parameters and flattens line breaks', () => {
    expect(
      refusal(() => templatePayload({ to: '+1555', name: 't', language: 'en', bodyParams: [' \n '] })),
    ).to.contain('empty');
    const payload = templatePayload({
      to: '+1555',
      name: 't',
      language: 'en',
      bodyParams: ['a\n\nb\tc      d'],
    });
    expect(JSON.stringify(payload)).to.contain('"text":"a b c    d"');
  });
});
