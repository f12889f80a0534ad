import { expect } from 'chai';
import type { InboundEvent, InboundMessageEvent } from '../../../src/shared/channel/InboundEvent';
import { MalformedDeliveryError } from '../../../src/whatsapp/inbound/MalformedDeliveryError';
import { parseMetaDelivery, readMetaDelivery } from '../../../src/whatsapp/inbound/MetaWebhookParser';

const METADATA = { display_phone_number: '15550100199', phone_number_id: '106540352242922' };

function delivery(...changes: unknown[]): Record<string, unknown> {
  return { object: 'whatsapp_business_account', entry: [{ id: '102938475610293', changes }] };
}

function messagesChange(value: Record<string, unknown>): Record<string, unknown> {
  return { field: 'messages', value: { messaging_product: 'whatsapp', metadata: METADATA, ...value } };
}

function message(type: string, body: Record<string, unknown> = {}): Record<string, unknown> {
  return { from: '15551234567', id: `wamid.${type}`, timestamp: '1789012345', type, ...body };
}

function parseOne(msg: Record<string, unknown>, contacts?: unknown[]): InboundMessageEvent {
  const events = parseMetaDelivery(delivery(messagesChange({ contacts, messages: [msg] })));
  expect(events).to.have.length(1);
  expect(events[0].kind).to.equal('message');
  return events[0] as InboundMessageEvent;
}

function malformedField(body: unknown): string {
  try {
    parseMetaDelivery(body);
  } catch (error) {
    expect(error).to.be.instanceOf(MalformedDeliveryError);
    return (error as MalformedDeliveryError).field;
  }
  throw new Error('expected parseMetaDelivery to throw');
}

describe('parseMetaDelivery', () => {
  describe('message types without a shared fixture', () => {
    it('reads a video with its caption and media fields', () => {
      const event = parseOne(
        message('video', { video: { caption: 'Mirá', mime_type: 'video/mp4', sha256: 'abc=', id: '77' } }),
      );
      expect(event).to.include({ type: 'video', text: 'Mirá' });
      expect(event.media).to.deep.equal({ providerMediaId: '77', mimeType: 'video/mp4', sha256: 'abc=' });
    });

    it('reads an animated sticker', () => {
      const event = parseOne(
        message('sticker', { sticker: { mime_type: 'image/webp', sha256: 's=', id: '88', animated: true } }),
      );
      expect(event.type).to.equal('sticker');
      expect(event.media).to.deep.equal({
        providerMediaId: '88',
        mimeType: 'image/webp',
        sha256: 's=',
        animated: true,
      });
    });

    it('keeps shared contact cards as given', () => {
      const cards = [{ name: { formatted_name: 'Juan Pérez' }, phones: [{ phone: '+54 9 11 5555-0000' }] }];
      const event = parseOne(message('contacts', { contacts: cards }));
      expect(event.type).to.equal('contacts');
      expect(event.contacts).to.deep.equal(cards);
    });

    it('reads an order with its text', () => {
      const order = {
        catalog_id: 'c1',
        product_items: [{ product_retailer_id: 'p1', quantity: 2 }],
        text: 'Para hoy',
      };
      expect(parseOne(message('order', { order }))).to.include({ type: 'order', text: 'Para hoy' });
    });

    it('reads a system message (number change) even though the value has no contacts', () => {
      const system = {
        body: 'User A changed from 15551234567 to 15557654321',
        wa_id: '15557654321',
        type: 'user_changed_number',
      };
      const event = parseOne(message('system', { system }));
      expect(event).to.include({ type: 'system', text: system.body });
      expect(event.from).to.deep.equal({ waId: '15551234567' });
    });

    it('turns a message type we do not know into unsupported, naming the type', () => {
      const event = parseOne(message('poll_vote', { poll_vote: { option: 1 } }));
      expect(event).to.include({ type: 'unsupported', unsupportedType: 'poll_vote' });
    });

    it("turns the older API's type 'unknown' into unsupported", () => {
      expect(parseOne(message('unknown'))).to.include({ type: 'unsupported', unsupportedType: 'unknown' });
    });

    it('keeps an interactive message without a button or list reply (e.g. a Flow response) as interactive', () => {
      const event = parseOne(
        message('interactive', { interactive: { type: 'nfm_reply', nfm_reply: { response_json: '{}' } } }),
      );
      expect(event.type).to.equal('interactive');
      expect(event).to.not.have.property('reply');
    });

    it('treats a reaction with an empty emoji as a removal', () => {
      const event = parseOne(message('reaction', { reaction: { message_id: 'wamid.X', emoji: '' } }));
      expect(event.reaction).to.deep.equal({ messageId: 'wamid.X' });
    });

    it('accepts location coordinates sent as strings', () => {
      const event = parseOne(message('location', { location: { latitude: '-34.6', longitude: '-58.4' } }));
      expect(event.location).to.deep.equal({ latitude: -34.6, longitude: -58.4 });
    });
  });

  describe('context and identity', () => {
    it('reads forwarded flags and the click-to-WhatsApp referral', () => {
      const referral = { source_url: 'https://fb.me/x', source_type: 'ad', ctwa_clid: 'clid' };
      const event = parseOne(
        message('text', {
          text: { body: 'hi' },
          context: { forwarded: true, frequently_forwarded: true },
          referral,
        }),
      );
      expect(event.context).to.deep.equal({ forwarded: true, frequentlyForwarded: true, referral });
    });

    it('matches each message to its own contact by wa_id', () => {
      const contacts = [
        { profile: { name: 'Ana Test' }, wa_id: '15551234567' },
        { profile: { name: 'Mateo Prueba' }, wa_id: '5491155550123' },
      ];
      const events = parseMetaDelivery(
        delivery(
          messagesChange({
            contacts,
            messages: [
              message('text', { from: '5491155550123', id: 'wamid.1' }),
              message('text', { id: 'wamid.2' }),
            ],
          }),
        ),
      ) as InboundMessageEvent[];
      expect(events.map((e) => e.from)).to.deep.equal([
        { waId: '5491155550123', name: 'Mateo Prueba' },
        { waId: '15551234567', name: 'Ana Test' },
      ]);
    });

    it('takes both the phone and the BSUID when Meta sends both', () => {
      const contacts = [
        { profile: { name: 'Ana', username: '@ana' }, wa_id: '15551234567', user_id: 'US.123' },
      ];
      const event = parseOne(message('text', { from_user_id: 'US.123' }), contacts);
      expect(event.from).to.deep.equal({
        waId: '15551234567',
        userId: 'US.123',
        username: '@ana',
        name: 'Ana',
      });
    });

    it('fills a BSUID-only sender from a contact matched by user_id', () => {
      const contacts = [{ profile: { name: 'Lu' }, wa_id: '5491155550123', user_id: 'AR.1' }];
      const msg = message('text', { from_user_id: 'AR.1' });
      delete msg.from;
      expect(parseOne(msg, contacts).from).to.deep.equal({
        waId: '5491155550123',
        userId: 'AR.1',
        name: 'Lu',
      });
    });

    it('reads the BSUID recipient of a status', () => {
      const status = {
        id: 'wamid.S',
        status: 'delivered',
        timestamp: '1789012345',
        recipient_user_id: 'US.9',
      };
      const [event] = parseMetaDelivery(delivery(messagesChange({ statuses: [status] })));
      expect(event).to.include({ kind: 'status', recipientUserId: 'US.9' });
      expect(event).to.not.have.property('recipient');
    });

    it('writes the business display number as E.164', () => {
      const change = messagesChange({ messages: [message('text')] });
      (change.value as Record<string, unknown>).metadata = {
        display_phone_number: '+1 555-010-0199',
        phone_number_id: '1',
      };
      expect(parseMetaDelivery(delivery(change))[0].route).to.deep.equal({
        phoneNumberId: '1',
        businessPhone: '+15550100199',
        wabaId: '102938475610293',
      });
    });
  });

  describe('batches and unknown content', () => {
    it('returns every event of every entry and change, in order', () => {
      const body = {
        object: 'whatsapp_business_account',
        entry: [
          {
            id: 'W1',
            changes: [
              messagesChange({ messages: [message('text', { id: 'a' }), message('text', { id: 'b' })] }),
            ],
          },
          {
            id: 'W2',
            changes: [
              messagesChange({
                statuses: [
                  { id: 'c', status: 'sent', timestamp: '1' },
                  { id: 'd', status: 'played', timestamp: '2' },
                ],
                errors: [{ code: 131000, title: 'Something went wrong' }, { code: 368 }],
              }),
            ],
          },
        ],
      };
      const events = parseMetaDelivery(body);
      expect(
        events.map((e) => [e.kind, e.route.wabaId, 'providerMessageId' in e ? e.providerMessageId : '']),
      ).to.deep.equal([
        ['message', 'W1', 'a'],
        ['message', 'W1', 'b'],
        ['status', 'W2', 'c'],
        ['status', 'W2', 'd'],
        ['provider_error', 'W2', ''],
      ]);
      expect((events[4] as Extract<InboundEvent, { kind: 'provider_error' }>).errors).to.deep.equal([
        { code: '131000', title: 'Something went wrong' },
        { code: '368' },
      ]);
    });

    it('returns nothing for an empty entry list', () => {
      expect(parseMetaDelivery({ object: 'whatsapp_business_account', entry: [] })).to.deep.equal([]);
    });

    it('ignores fields it does not handle, whatever their value', () => {
      const events = parseMetaDelivery(
        delivery(
          { field: 'security', value: { event: 'PIN_CHANGED' } },
          { field: 'smb_message_echoes', value: 'not even an object' },
          messagesChange({ messages: [message('text')] }),
        ),
      );
      expect(events.map((e) => e.kind)).to.deep.equal(['message']);
    });

    it('skips statuses that carry no delivery progress (older deleted/warning)', () => {
      const statuses = [
        { id: 'x', status: 'deleted', timestamp: '1' },
        { id: 'y', status: 'read', timestamp: '2' },
      ];
      const events = parseMetaDelivery(delivery(messagesChange({ statuses })));
      expect(events.map((e) => e.kind === 'status' && e.status)).to.deep.equal(['read']);
    });

    it('reads our message id from biz_opaque_callback_data, and only an id of ours', () => {
      const id = '0b9c2f6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';
      const statuses = [
        { id: 'wamid.a', status: 'sent', timestamp: '1', biz_opaque_callback_data: id.toUpperCase() },
        { id: 'wamid.b', status: 'sent', timestamp: '1', biz_opaque_callback_data: 'order-4512' },
      ];
      const events = parseMetaDelivery(delivery(messagesChange({ statuses })));
      expect(events.map((e) => e.kind === 'status' && e.messageId)).to.deep.equal([id, undefined]);
    });
  });

  describe('template status updates', () => {
    function templateChange(value: Record<string, unknown>): Record<string, unknown> {
      return {
        object: 'whatsapp_business_account',
        entry: [{ id: 'W', time: 1789012845, changes: [{ field: 'message_template_status_update', value }] }],
      };
    }
    const base = {
      event: 'PAUSED',
      message_template_id: '42',
      message_template_name: 'n',
      message_template_language: 'en-US',
    };

    it("normalises the language separator to '_' and omits a NONE or null reason", () => {
      for (const reason of ['NONE', null]) {
        const [event] = parseMetaDelivery(templateChange({ ...base, reason }));
        expect(event).to.include({
          kind: 'template_status',
          language: 'en_US',
          providerTemplateId: '42',
          status: 'PAUSED',
        });
        expect(event).to.not.have.property('reason');
      }
    });

    it('uses other_info.description as the detail of a pause', () => {
      const other_info = { title: 'FIRST_PAUSE', description: 'Low quality' };
      const [event] = parseMetaDelivery(templateChange({ ...base, reason: 'NONE', other_info }));
      expect(event).to.include({ reasonDetail: 'Low quality' });
    });
  });

  describe('malformed deliveries', () => {
    it('is an Error subclass naming the field in its message', () => {
      const error = new MalformedDeliveryError('entry', 'must be an array');
      expect(error).to.be.instanceOf(Error);
      expect(error.name).to.equal('MalformedDeliveryError');
      expect(error.message).to.contain('entry');
    });

    it('rejects a body that is not an object', () => {
      for (const body of [null, undefined, 'x', 42, []]) expect(malformedField(body)).to.equal('body');
    });

    it('rejects a missing or foreign object type', () => {
      expect(malformedField({ entry: [] })).to.equal('object');
      expect(malformedField({ object: 'page', entry: [] })).to.equal('object');
    });

    it('rejects an entry that is not an array', () => {
      expect(malformedField({ object: 'whatsapp_business_account' })).to.equal('entry');
      expect(malformedField({ object: 'whatsapp_business_account', entry: {} })).to.equal('entry');
    });
  });

  /** Refusing a delivery refuses every message and status in it, and Meta redelivers it for days. */
  describe('parts that cannot be read are skipped, the rest kept', () => {
    const skippedFields = (body: unknown) => readMetaDelivery(body).skipped.map((s) => s.split(' ')[0]);

    it('skips an entry that is not an object, an entry without changes and a change without field', () => {
      const good = delivery(messagesChange({ messages: [message('text')] })).entry as unknown[];
      const body = { object: 'whatsapp_business_account', entry: [null, { id: 'W' }, ...good] };
      expect(skippedFields(body)).to.deep.equal(['entry[0]', 'entry[1].changes']);
      expect(parseMetaDelivery(body)).to.have.length(1);
      expect(skippedFields(delivery({ value: {} }))).to.deep.equal(['entry[0].changes[0].field']);
    });

    it('skips a messages change without value, metadata or phone_number_id', () => {
      expect(skippedFields(delivery({ field: 'messages' }))).to.deep.equal(['entry[0].changes[0].value']);
      expect(skippedFields(delivery({ field: 'messages', value: { messages: [] } }))).to.deep.equal([
        'entry[0].changes[0].value.metadata',
      ]);
      expect(skippedFields(delivery({ field: 'messages', value: { metadata: {} } }))).to.deep.equal([
        'entry[0].changes[0].value.metadata.phone_number_id',
      ]);
    });

    it('names the exact message that has no id, and keeps the others', () => {
      const withoutId = message('text');
      delete withoutId.id;
      const body = delivery(
        messagesChange({ messages: [message('text')] }),
        messagesChange({ messages: [withoutId, message('image', { image: { id: '1' } })] }),
      );
      const { events, skipped } = readMetaDelivery(body);
      expect(skipped).to.deep.equal(['entry[0].changes[1].value.messages[0].id must be a non-empty string']);
      expect(events.map((e) => (e as InboundMessageEvent).type)).to.deep.equal(['text', 'image']);
    });

    it('skips messages that is not an array, keeping the statuses beside it', () => {
      const body = delivery(
        messagesChange({
          messages: message('text'),
          statuses: [{ id: 'wamid.1', status: 'read', timestamp: '1' }],
        }),
      );
      expect(skippedFields(body)).to.deep.equal(['entry[0].changes[0].value.messages']);
      expect(parseMetaDelivery(body).map((e) => e.kind)).to.deep.equal(['status']);
    });

    it('skips a message without a usable timestamp or type', () => {
      for (const timestamp of [undefined, '', 'yesterday', '1.5', -1]) {
        expect(
          skippedFields(delivery(messagesChange({ messages: [message('text', { timestamp })] }))),
        ).to.deep.equal(['entry[0].changes[0].value.messages[0].timestamp']);
      }
      expect(
        skippedFields(delivery(messagesChange({ messages: [message('text', { type: undefined })] }))),
      ).to.deep.equal(['entry[0].changes[0].value.messages[0].type']);
    });

    it('takes the sender of a message without from or from_user_id from the change’s only contact', () => {
      const bsuid = 'US.13491208655302741918';
      const event = parseOne(message('text', { from: undefined }), [
        { user_id: bsuid, profile: { name: 'Ana' } },
      ]);
      expect(event.from).to.deep.equal({ userId: bsuid, name: 'Ana' });
      const phone = parseOne(message('text', { from: undefined }), [{ wa_id: '5491155550101' }]);
      expect(phone.from).to.deep.equal({ waId: '5491155550101' });
    });

    it('skips a message with neither from nor from_user_id when no single contact names the sender', () => {
      const anonymous = message('text', { from: undefined, id: 'wamid.anonymous' });
      for (const contacts of [undefined, [], [{ wa_id: '1' }, { wa_id: '2' }]]) {
        const { events, skipped } = readMetaDelivery(
          delivery(messagesChange({ contacts, messages: [anonymous, message('text')] })),
        );
        expect(skipped.map((s) => s.split(' ')[0])).to.deep.equal([
          'entry[0].changes[0].value.messages[0].from',
        ]);
        expect(events.map((e) => (e as InboundMessageEvent).providerMessageId)).to.deep.equal(['wamid.text']);
      }
    });

    it('skips a status without id or status', () => {
      expect(
        skippedFields(delivery(messagesChange({ statuses: [{ status: 'read', timestamp: '1' }] }))),
      ).to.deep.equal(['entry[0].changes[0].value.statuses[0].id']);
      expect(
        skippedFields(delivery(messagesChange({ statuses: [{ id: 'x', timestamp: '1' }] }))),
      ).to.deep.equal(['entry[0].changes[0].value.statuses[0].status']);
    });

    it('skips a template status update without template id or entry time', () => {
      const value = { event: 'APPROVED', message_template_name: 'n', message_template_language: 'es' };
      const entry = { id: 'W', time: 1, changes: [{ field: 'message_template_status_update', value }] };
      expect(skippedFields({ object: 'whatsapp_business_account', entry: [entry] })).to.deep.equal([
        'entry[0].changes[0].value.message_template_id',
      ]);
      const noTime = {
        id: 'W',
        changes: [{ field: 'message_template_status_update', value: { ...value, message_template_id: 1 } }],
      };
      expect(skippedFields({ object: 'whatsapp_business_account', entry: [noTime] })).to.deep.equal([
        'entry[0].time',
      ]);
    });

    it('skips an id longer than any provider sends', () => {
      const long = message('text', { id: `wamid.${'x'.repeat(200)}` });
      expect(skippedFields(delivery(messagesChange({ messages: [long, message('text')] })))).to.deep.equal([
        'messages[].id',
      ]);
    });
  });
});
