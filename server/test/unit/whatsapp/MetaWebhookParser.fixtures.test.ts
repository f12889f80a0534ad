import { expect } from 'chai';
import type { InboundEvent } from '../../../src/shared/channel/InboundEvent';
import { parseMetaDelivery } from '../../../src/whatsapp/inbound/MetaWebhookParser';
import { fixtureNames, loadJsonFixture } from '../../support/fixtures';

const ROUTE = { phoneNumberId: '106540352242922', businessPhone: '+15550100199', wabaId: '102938475610293' };
const ANA = { waId: '15551234567', name: 'Ana Test' };
const OUR_BUTTONS_WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBJCMEUyNURBRjg0ODJEQzNGQUUA';
const OUR_TEMPLATE_WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgARGBIxRDVENEMwODE3NTUwQjI2RjUA';
const at = (unixSeconds: number): Date => new Date(unixSeconds * 1000);

type WithoutRaw<T> = T extends unknown ? Omit<T, 'raw'> : never;

/** What each fixture must parse to, `raw` aside (checked separately). */
const EXPECTED: Record<string, WithoutRaw<InboundEvent>[]> = {
  'meta-text.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQUY1M0I4NzVGQUI3RkEyRDJBNwA=',
      timestamp: at(1789012345),
      from: ANA,
      type: 'text',
      text: 'Hola, ¿mi pedido #4512 ya salió?',
    },
  ],
  'meta-image.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTVEMEFGRUI5NDE1QTgwNkVBMAA=',
      timestamp: at(1789012375),
      from: ANA,
      type: 'image',
      text: 'Foto del paquete dañado',
      media: {
        providerMediaId: '5507846353537433',
        url: 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=5507846353537433&ext=1789012675&hash=ATu533ee58850b39af3bbab',
        mimeType: 'image/jpeg',
        sha256: 'NMJJ1JkOvDNqsOWHkBJJEIsi2dplAR9VPFAev0JLRwg=',
      },
    },
  ],
  'meta-document.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTFFMUNCMTIyNDQ5NEIwMkI4NQA=',
      timestamp: at(1789012385),
      from: ANA,
      type: 'document',
      text: 'Factura',
      media: {
        providerMediaId: '3007594085096152',
        mimeType: 'application/pdf',
        sha256: 'co/WG0+9krCb79Adl6Co2axLwt5rYGLzl95gSSFjhLk=',
        filename: 'factura-0001-00004512.pdf',
      },
    },
  ],
  'meta-audio-voice.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTZCNkYxOTlBQjgxMkY1QTAzNAA=',
      timestamp: at(1789012390),
      from: ANA,
      type: 'audio',
      media: {
        providerMediaId: '1541774978526706',
        mimeType: 'audio/ogg; codecs=opus',
        sha256: '5jcncZB3Yd/hdgixHQssn6aXLd5ChvcU9h+tCaw+Bew=',
        voice: true,
      },
    },
  ],
  'meta-interactive-button-reply.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTU0OUI5MEQ4RjY4NTQ1QkQwNAA=',
      timestamp: at(1789012405),
      from: ANA,
      type: 'interactive',
      text: 'Confirmar',
      reply: { kind: 'button_reply', id: 'order-4512-confirm', title: 'Confirmar' },
      context: { replyToProviderId: OUR_BUTTONS_WAMID },
    },
  ],
  'meta-interactive-list-reply.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQThGMUYxNkRFNjlFNDEwNTk2RAA=',
      timestamp: at(1789012410),
      from: ANA,
      type: 'interactive',
      text: 'Jue 11/09 10:00',
      reply: {
        kind: 'list_reply',
        id: 'slot-2026-09-11-10',
        title: 'Jue 11/09 10:00',
        description: 'Retiro en sucursal Palermo',
      },
      context: { replyToProviderId: OUR_TEMPLATE_WAMID },
    },
  ],
  'meta-button-quick-reply.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTNDQzgwQzhBMTc4OUM5RjUxNQA=',
      timestamp: at(1789012415),
      from: ANA,
      type: 'button',
      text: 'No recibir promos',
      reply: { kind: 'quick_reply', id: 'STOP_PROMOS', title: 'No recibir promos' },
      context: { replyToProviderId: OUR_TEMPLATE_WAMID },
    },
  ],
  'meta-location.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTY3RDlGQTA5NUUxNjc2REZFMAA=',
      timestamp: at(1789012435),
      from: ANA,
      type: 'location',
      location: {
        latitude: -34.5889,
        longitude: -58.4306,
        name: 'Depósito Norte',
        address: 'Av. Ejemplo 1234, CABA',
      },
    },
  ],
  'meta-reaction.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQURFQkVGMjg2MUJEODM4OEI1MAA=',
      timestamp: at(1789012465),
      from: ANA,
      type: 'reaction',
      reaction: { messageId: OUR_BUTTONS_WAMID, emoji: '👍' },
    },
  ],
  'meta-reaction-removed.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQUQwQ0IyMDI5OEUwMjU5MTlBMwA=',
      timestamp: at(1789012470),
      from: ANA,
      type: 'reaction',
      reaction: { messageId: OUR_BUTTONS_WAMID },
    },
  ],
  'meta-unsupported.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQUI1QjdFQ0IzMjhDRUQzNjY2MwA=',
      timestamp: at(1789012495),
      from: ANA,
      type: 'unsupported',
      unsupportedType: 'poll_creation',
      errors: [
        {
          code: '131051',
          title: 'Message type unknown',
          message: 'Message type unknown',
          details: 'Message type is currently not supported.',
        },
      ],
    },
  ],
  'meta-batch-two-messages.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTE5NkMzN0M1MTIzNTk3MzQ0RAA=',
      timestamp: at(1789012545),
      from: ANA,
      type: 'text',
      text: 'Una cosa más',
    },
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQTlEOEM4OEVFRTM2NjgyOTVGMAA=',
      timestamp: at(1789012546),
      from: ANA,
      type: 'text',
      text: '¿Puedo cambiar la dirección de entrega?',
    },
  ],
  'meta-batch-mixed.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABIYFDNBRkFFQkE0NjQ4NjBDNUFDQjdGAA==',
      timestamp: at(1789012645),
      from: { waId: '5491155550123', name: 'Mateo Prueba' },
      type: 'text',
      text: 'Gracias!',
    },
    {
      kind: 'status',
      route: ROUTE,
      providerMessageId: 'wamid.HBgNNTQ5MTE1NTU1MDEyMxUCABEYEjA1OUNEN0E2RTE5NjEzMkFEOAA=',
      status: 'read',
      timestamp: at(1789012644),
      recipient: '5491155550123',
    },
  ],
  'meta-status-sent.json': [
    {
      kind: 'status',
      route: ROUTE,
      providerMessageId: OUR_BUTTONS_WAMID,
      status: 'sent',
      timestamp: at(1789011745),
      recipient: '15551234567',
      conversation: {
        id: 'f7f326f7aab2823de6fa8e9622794e85',
        expiration_timestamp: '1789098145',
        origin: { type: 'utility' },
      },
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
    },
  ],
  'meta-status-delivered.json': [
    {
      kind: 'status',
      route: ROUTE,
      providerMessageId: OUR_BUTTONS_WAMID,
      status: 'delivered',
      timestamp: at(1789011747),
      recipient: '15551234567',
      conversation: { id: 'f7f326f7aab2823de6fa8e9622794e85', origin: { type: 'utility' } },
      pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' },
    },
  ],
  'meta-status-read-v24.json': [
    {
      kind: 'status',
      route: ROUTE,
      providerMessageId: OUR_BUTTONS_WAMID,
      status: 'read',
      timestamp: at(1789011805),
      recipient: '15551234567',
    },
  ],
  'meta-status-failed-131047.json': [
    {
      kind: 'status',
      route: ROUTE,
      providerMessageId: OUR_TEMPLATE_WAMID,
      status: 'failed',
      timestamp: at(1789012745),
      recipient: '15551234567',
      errors: [
        {
          code: '131047',
          title: 'Re-engagement message',
          message: 'Re-engagement message',
          details: 'More than 24 hours have passed since the recipient last replied to the sender number.',
        },
      ],
    },
  ],
  'meta-errors-130429.json': [
    {
      kind: 'provider_error',
      route: ROUTE,
      errors: [
        {
          code: '130429',
          title: 'Rate limit hit',
          message: 'Rate limit hit',
          details:
            'Message failed to send because there were too many messages sent from this phone number in a short period of time',
        },
      ],
    },
  ],
  'meta-template-status-approved.json': [
    {
      kind: 'template_status',
      route: { wabaId: '102938475610293' },
      providerTemplateId: '1234567890123456',
      name: 'order_update_v2',
      language: 'es_AR',
      status: 'APPROVED',
      category: 'UTILITY',
      timestamp: at(1789012845),
    },
  ],
  'meta-template-status-rejected.json': [
    {
      kind: 'template_status',
      route: { wabaId: '102938475610293' },
      providerTemplateId: '1234567890123457',
      name: 'promo_weekend',
      language: 'es_AR',
      status: 'REJECTED',
      reason: 'INVALID_FORMAT',
      reasonDetail: 'Variables adjacent without separating text.',
      category: 'MARKETING',
      timestamp: at(1789012865),
    },
  ],
  'meta-text-bsuid-no-phone.json': [
    {
      kind: 'message',
      route: ROUTE,
      providerMessageId: 'wamid.HBgKMDAwMDAwMDAwMBUCABIYFDNBMDBFNkQ5MTdFQjJGRTQyNEEzAA==',
      timestamp: at(1789013045),
      from: { userId: 'AR.1463024920540358963', username: '@lu.prueba', name: 'Lu' },
      type: 'text',
      text: 'Hola',
    },
  ],
};

/** The provider object each event must keep in `raw`, found by walking the fixture. */
function expectedRaws(delivery: unknown): unknown[] {
  const raws: unknown[] = [];
  for (const entry of (
    delivery as { entry: { changes: { field: string; value: Record<string, unknown> }[] }[] }
  ).entry) {
    for (const { field, value } of entry.changes) {
      if (field === 'message_template_status_update') raws.push(value);
      raws.push(...((value.messages as unknown[]) ?? []), ...((value.statuses as unknown[]) ?? []));
      if (value.errors) raws.push({ errors: value.errors });
    }
  }
  return raws;
}

describe('parseMetaDelivery over the shared fixtures', () => {
  it('has an expectation for every Meta webhook fixture', () => {
    expect(Object.keys(EXPECTED).sort()).to.deep.equal(fixtureNames('meta-', '.json'));
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`parses ${name} into its ${expected.length} expected event(s)`, () => {
      const events = parseMetaDelivery(loadJsonFixture(name));
      expect(events.map(({ raw: _raw, ...event }) => event)).to.deep.equal(expected);
    });

    it(`keeps the provider's own object as raw for ${name}`, () => {
      const delivery = loadJsonFixture(name);
      expect(parseMetaDelivery(delivery).map((event) => event.raw)).to.deep.equal(expectedRaws(delivery));
    });
  }

  it('gives a BSUID-only sender a userId and no waId', () => {
    const [event] = parseMetaDelivery(loadJsonFixture('meta-text-bsuid-no-phone.json'));
    expect(event.kind).to.equal('message');
    if (event.kind !== 'message') return;
    expect(event.from.userId).to.equal('AR.1463024920540358963');
    expect(event.from).to.not.have.property('waId');
  });

  it('marks a reaction removal by the absence of an emoji', () => {
    const [event] = parseMetaDelivery(loadJsonFixture('meta-reaction-removed.json'));
    expect(event.kind === 'message' && event.reaction).to.deep.equal({ messageId: OUR_BUTTONS_WAMID });
  });
});
