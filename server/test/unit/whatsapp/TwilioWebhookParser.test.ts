import { expect } from 'chai';
import type { InboundMessageEvent, MessageStatusEvent } from '../../../src/shared/channel/InboundEvent';
import { MalformedDeliveryError } from '../../../src/whatsapp/inbound/MalformedDeliveryError';
import { parseTwilioDelivery } from '../../../src/whatsapp/inbound/TwilioWebhookParser';
import { fixtureNames, loadFormFixture } from '../../support/fixtures';

const RECEIVED_AT = new Date('2026-09-11T10:00:00Z');
const BUSINESS = { businessPhone: '+15550100199' };
const ANA = { waId: '15551234567', name: 'Ana Test' };
const OUTBOUND_SID = 'SM0734d7cfdaee5bc2a0e7d500a9bea06c';

function parseFixture(name: string) {
  const params = loadFormFixture(name);
  const events = parseTwilioDelivery(params, RECEIVED_AT);
  for (const event of events) expect(event.raw).to.deep.equal(params);
  return events.map(({ raw: _raw, ...event }) => event);
}

function without(params: Record<string, string>, key: string): Record<string, string> {
  const copy = { ...params };
  delete copy[key];
  return copy;
}

function malformedField(params: Record<string, string>): string {
  try {
    parseTwilioDelivery(params, RECEIVED_AT);
  } catch (error) {
    expect(error).to.be.instanceOf(MalformedDeliveryError);
    return (error as MalformedDeliveryError).field;
  }
  throw new Error('expected parseTwilioDelivery to throw');
}

const inboundBase = {
  MessageSid: 'SM00000000000000000000000000000001',
  From: 'whatsapp:+15551234567',
  To: 'whatsapp:+15550100199',
  WaId: '15551234567',
  NumMedia: '0',
  Body: '',
};

describe('parseTwilioDelivery', () => {
  it('has a test for every Twilio fixture', () => {
    expect(fixtureNames('twilio-', '.form')).to.deep.equal([
      'twilio-inbound-button.form',
      'twilio-inbound-location.form',
      'twilio-inbound-media.form',
      'twilio-inbound.form',
      'twilio-status-read.form',
      'twilio-status-undelivered-63016.form',
      'twilio-status.form',
    ]);
  });

  describe('inbound messages', () => {
    it('parses an inbound text, routed by the To number', () => {
      expect(parseFixture('twilio-inbound.form')).to.deep.equal([
        {
          kind: 'message',
          route: BUSINESS,
          providerMessageId: 'SM40d848749f76e196d1d95c5bbe6c05e5',
          timestamp: RECEIVED_AT,
          from: ANA,
          type: 'text',
          text: 'Hola, ¿mi pedido #4512 ya salió?',
        },
      ]);
    });

    it('parses an inbound image with its caption, URL, content type and media sid', () => {
      expect(parseFixture('twilio-inbound-media.form')).to.deep.equal([
        {
          kind: 'message',
          route: BUSINESS,
          providerMessageId: 'MM32fba61438fbc4cfb5ea2ee2eb483b13',
          timestamp: RECEIVED_AT,
          from: ANA,
          type: 'image',
          text: 'Foto del paquete',
          media: {
            providerMediaId: 'ME00b83781ba349bb5d2cfb734198b3a45',
            url: 'https://api.twilio.com/2010-04-01/Accounts/ACbdb91c5bb4ef3ed99b86dc9aef8265e2/Messages/MM32fba61438fbc4cfb5ea2ee2eb483b13/Media/ME00b83781ba349bb5d2cfb734198b3a45',
            mimeType: 'image/jpeg',
          },
        },
      ]);
    });

    it('parses a quick-reply button tap with its payload and the replied-to message', () => {
      expect(parseFixture('twilio-inbound-button.form')).to.deep.equal([
        {
          kind: 'message',
          route: BUSINESS,
          providerMessageId: 'SMbc4c112393d27ad0fc246a274ced0cd6',
          timestamp: RECEIVED_AT,
          from: ANA,
          type: 'button',
          text: 'Confirmar',
          reply: { kind: 'quick_reply', id: 'order-4512-confirm', title: 'Confirmar' },
          context: { replyToProviderId: OUTBOUND_SID },
        },
      ]);
    });

    it('parses a shared location with label and address', () => {
      expect(parseFixture('twilio-inbound-location.form')).to.deep.equal([
        {
          kind: 'message',
          route: BUSINESS,
          providerMessageId: 'SM66028d27e2daa924b5dd80cb24721cde',
          timestamp: RECEIVED_AT,
          from: ANA,
          type: 'location',
          location: {
            latitude: -34.5889,
            longitude: -58.4306,
            name: 'Depósito Norte',
            address: 'Av. Ejemplo 1234, CABA',
          },
        },
      ]);
    });

    it('models the first of several media and keeps the others in raw', () => {
      const params = {
        ...inboundBase,
        NumMedia: '2',
        MediaUrl0: 'https://api.twilio.com/a/Media/ME11111111111111111111111111111111',
        MediaContentType0: 'application/pdf',
        MediaUrl1: 'https://api.twilio.com/a/Media/ME22222222222222222222222222222222',
        MediaContentType1: 'image/png',
      };
      const [event] = parseTwilioDelivery(params, RECEIVED_AT) as InboundMessageEvent[];
      expect(event.type).to.equal('document');
      expect(event.media).to.deep.equal({
        providerMediaId: 'ME11111111111111111111111111111111',
        url: params.MediaUrl0,
        mimeType: 'application/pdf',
      });
      expect(event.raw).to.include({ MediaUrl1: params.MediaUrl1, MediaContentType1: 'image/png' });
    });

    it("infers the type from the media when Twilio's MessageType is absent", () => {
      for (const [contentType, type] of [
        ['image/jpeg', 'image'],
        ['video/mp4', 'video'],
        ['audio/ogg', 'audio'],
        ['text/vcard', 'document'],
      ]) {
        const params = {
          ...inboundBase,
          NumMedia: '1',
          MediaUrl0: 'https://x/y',
          MediaContentType0: contentType,
        };
        expect(parseTwilioDelivery(params, RECEIVED_AT)[0], contentType).to.include({ type });
      }
    });

    it("trusts Twilio's MessageType for a sticker", () => {
      const params = {
        ...inboundBase,
        MessageType: 'sticker',
        NumMedia: '1',
        MediaUrl0: 'https://x/y',
        MediaContentType0: 'image/webp',
      };
      expect(parseTwilioDelivery(params, RECEIVED_AT)[0]).to.include({ type: 'sticker' });
    });

    it('turns an unknown MessageType into unsupported, naming it', () => {
      const [event] = parseTwilioDelivery({ ...inboundBase, MessageType: 'poll' }, RECEIVED_AT);
      expect(event).to.include({ type: 'unsupported', unsupportedType: 'poll' });
    });

    it('falls back to the From number when WaId is absent, and omits an empty profile name', () => {
      const params = without({ ...inboundBase, Body: 'hi', ProfileName: '' }, 'WaId');
      expect((parseTwilioDelivery(params, RECEIVED_AT)[0] as InboundMessageEvent).from).to.deep.equal({
        waId: '15551234567',
      });
    });

    it('reads forwarded flags and click-to-WhatsApp referral parameters', () => {
      const params = {
        ...inboundBase,
        Body: 'hi',
        Forwarded: 'true',
        FrequentlyForwarded: 'true',
        ReferralNumMedia: '0',
        ReferralSourceUrl: 'https://fb.me/ad',
        ReferralCtwaClid: 'clid',
      };
      expect((parseTwilioDelivery(params, RECEIVED_AT)[0] as InboundMessageEvent).context).to.deep.equal({
        forwarded: true,
        frequentlyForwarded: true,
        referral: { ReferralSourceUrl: 'https://fb.me/ad', ReferralCtwaClid: 'clid' },
      });
    });

    it('stamps events with the time of receipt, now by default', () => {
      const before = Date.now();
      const [event] = parseTwilioDelivery({ ...inboundBase, Body: 'hi' });
      expect(event.kind === 'message' && event.timestamp.getTime()).to.be.within(before, Date.now());
    });
  });

  describe('status callbacks', () => {
    const status = (status: string, errors?: unknown) => ({
      kind: 'status',
      route: BUSINESS,
      providerMessageId: OUTBOUND_SID,
      status,
      timestamp: RECEIVED_AT,
      recipient: '15551234567',
      ...(errors ? { errors } : {}),
    });

    it('parses delivered, routed by the From (business) number', () => {
      expect(parseFixture('twilio-status.form')).to.deep.equal([status('delivered')]);
    });

    it('parses read', () => {
      expect(parseFixture('twilio-status-read.form')).to.deep.equal([status('read')]);
    });

    it('maps undelivered 63016 to failed with the error code and channel message', () => {
      expect(parseFixture('twilio-status-undelivered-63016.form')).to.deep.equal([
        status('failed', [
          {
            code: '63016',
            message: 'Failed to send freeform message because you are outside the allowed window.',
          },
        ]),
      ]);
    });

    it('maps sent and failed, preferring ErrorMessage when present', () => {
      const base = { ...loadFormFixture('twilio-status.form') };
      expect(parseTwilioDelivery({ ...base, MessageStatus: 'sent' }, RECEIVED_AT)[0]).to.include({
        status: 'sent',
      });
      const [failed] = parseTwilioDelivery(
        {
          ...base,
          MessageStatus: 'failed',
          ErrorCode: '63003',
          ErrorMessage: 'Channel could not find To address',
        },
        RECEIVED_AT,
      ) as MessageStatusEvent[];
      expect(failed.status).to.equal('failed');
      expect(failed.errors).to.deep.equal([{ code: '63003', message: 'Channel could not find To address' }]);
    });

    it('returns no event for statuses that report no delivery progress', () => {
      const base = loadFormFixture('twilio-status.form');
      for (const value of [
        'queued',
        'sending',
        'accepted',
        'scheduled',
        'receiving',
        'received',
        'canceled',
        'constructor',
        '',
      ]) {
        expect(parseTwilioDelivery({ ...base, MessageStatus: value }, RECEIVED_AT), value).to.deep.equal([]);
      }
    });
  });

  describe('malformed parameters', () => {
    it('rejects parameters without a MessageSid', () => {
      expect(malformedField({})).to.equal('MessageSid');
      expect(malformedField(without(loadFormFixture('twilio-inbound.form'), 'MessageSid'))).to.equal(
        'MessageSid',
      );
      expect(malformedField(without(loadFormFixture('twilio-status.form'), 'MessageSid'))).to.equal(
        'MessageSid',
      );
    });

    it('rejects an inbound message without To or From', () => {
      expect(malformedField(without(loadFormFixture('twilio-inbound.form'), 'To'))).to.equal('To');
      expect(malformedField(without(loadFormFixture('twilio-inbound.form'), 'From'))).to.equal('From');
    });

    it('rejects a status callback without From', () => {
      expect(malformedField(without(loadFormFixture('twilio-status.form'), 'From'))).to.equal('From');
    });
  });
});
