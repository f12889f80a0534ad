import { expect } from 'chai';
import type { InboundMessageEvent, MessageStatusEvent } from '../../../src/shared/channel/InboundEvent';
import { fitToStorage } from '../../../src/whatsapp/inbound/fitToStorage';
import { MalformedDeliveryError } from '../../../src/whatsapp/inbound/MalformedDeliveryError';

const message = (overrides: Partial<InboundMessageEvent> = {}): InboundMessageEvent => ({
  kind: 'message',
  route: { phoneNumberId: '106540352242922' },
  providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTNCRDQ5',
  timestamp: new Date('2026-09-10T03:52:00Z'),
  from: { waId: '15551234567', name: 'Ana' },
  type: 'text',
  text: 'hola',
  raw: {},
  ...overrides,
});

describe('fitToStorage', () => {
  it('leaves ordinary events exactly as they are', () => {
    const status: MessageStatusEvent = {
      kind: 'status',
      route: {},
      providerMessageId: 'wamid.x',
      status: 'failed',
      timestamp: new Date(0),
      errors: [{ code: '131047' }],
      raw: {},
    };
    expect(fitToStorage([message(), status])).to.deep.equal([message(), status]);
  });

  it('refuses ids longer than any provider sends', () => {
    expect(() => fitToStorage([message({ providerMessageId: 'w'.repeat(129) })])).to.throw(
      MalformedDeliveryError,
      'messages[].id',
    );
    expect(() => fitToStorage([message({ from: { waId: '1'.repeat(129) } })])).to.throw(
      MalformedDeliveryError,
    );
  });

  it('shortens names, file names and error codes to what is stored', () => {
    const [fitted] = fitToStorage([
      message({
        from: { waId: '15551234567', name: 'n'.repeat(500) },
        media: { mimeType: 'm'.repeat(300), filename: 'f'.repeat(600) },
        errors: [{ code: 'c'.repeat(40) }],
      }),
    ]) as InboundMessageEvent[];
    expect(fitted.from.name).to.have.length(200);
    expect(fitted.media?.mimeType).to.have.length(128);
    expect(fitted.media?.filename).to.have.length(512);
    expect(fitted.errors?.[0].code).to.have.length(32);
  });

  it('drops a reply reference no stored message can have', () => {
    const [fitted] = fitToStorage([
      message({ context: { replyToProviderId: 'r'.repeat(200), forwarded: true } }),
    ]);
    expect((fitted as InboundMessageEvent).context).to.deep.equal({ forwarded: true });
  });
});
