import { expect } from 'chai';
import { CloudApiProvider } from '../../../../src/whatsapp/outbound/provider/cloudapi/CloudApiProvider';
import { Dialog360Endpoint } from '../../../../src/whatsapp/outbound/provider/dialog360/Dialog360Endpoint';
import { MetaEndpoint } from '../../../../src/whatsapp/outbound/provider/meta/MetaEndpoint';
import type {
  SendingAccount,
  SendTemplateRequest,
  SessionMessage,
} from '../../../../src/whatsapp/outbound/provider/WhatsappProvider';
import { FakeProviderServer } from '../../../support/FakeProviderServer';
import { buttonsMessage, ctaUrlMessage, listMessage } from '../../../support/interactiveMessages';
import { metaSendProblems } from '../../../support/metaOpenApi';
import { CUSTOMER, dialog360Account, metaAccount, WAMID } from './providerTestKit';

const MESSAGE_ID = '0b9c2f6e-1d2a-4c3b-8e4f-5a6b7c8d9e0f';

/** One of every session message kind we send, with every optional part somewhere. */
const SESSION: Record<string, SessionMessage> = {
  text: { kind: 'text', text: 'Your pick-up is at 7:30 https://tours.example.com', previewUrl: true },
  image: { kind: 'media', mediaType: 'image', mediaId: '1013859600285441', caption: 'The bus' },
  document: {
    kind: 'media',
    mediaType: 'document',
    link: 'https://cdn.example.com/voucher.pdf',
    caption: 'Voucher',
    filename: 'voucher-BK-12.pdf',
  },
  audio: { kind: 'media', mediaType: 'audio', mediaId: '1013859600285442' },
  video: { kind: 'media', mediaType: 'video', link: 'https://cdn.example.com/falls.mp4' },
  stickerById: { kind: 'media', mediaType: 'sticker', mediaId: '1013859600285443' },
  stickerByLink: { kind: 'media', mediaType: 'sticker', link: 'https://cdn.example.com/thanks.webp' },
  buttons: buttonsMessage({
    header: 'Meeting point',
    body: 'Confirm your pick-up at 7:30?',
    footer: 'Iguazú Tours',
    buttons: [
      { id: 'confirm', title: '✅ Confirm' },
      { id: 'change', title: 'Change' },
      { id: 'cancel', title: 'Cancel' },
    ],
  }),
  list: listMessage({
    header: 'Excursions',
    body: 'Pick one',
    footer: 'Prices per person',
    buttonText: 'See excursions',
    sections: [
      { title: 'Argentina', rows: [{ id: 'ar-1', title: 'Lower circuit', description: '2 h walk' }] },
      { title: 'Brazil', rows: [{ id: 'br-1', title: 'Panoramic view' }] },
    ],
  }),
  ctaUrl: ctaUrlMessage({
    header: 'Voucher',
    body: 'Your voucher is ready',
    footer: 'Show it at the entrance',
    displayText: 'Open voucher',
    url: 'https://tours.example.com/v/BK-12',
  }),
  location: {
    kind: 'location',
    latitude: -25.6953,
    longitude: -54.4367,
    name: 'Lobby',
    address: 'Av. Brasil 1',
  },
  contacts: {
    kind: 'contacts',
    contacts: [
      {
        name: { formattedName: 'Marta Guide', firstName: 'Marta', lastName: 'Guide', prefix: 'Ms' },
        phones: [{ phone: '+54 9 11 5555 0199', type: 'WORK', waId: '5491155550199' }],
        emails: [{ email: 'marta@tours.example.com', type: 'WORK' }],
        urls: [{ url: 'https://tours.example.com', type: 'WORK' }],
        addresses: [{ street: 'Av. Brasil 1', city: 'Puerto Iguazú', countryCode: 'AR', type: 'WORK' }],
        org: { company: 'Iguazú Tours', title: 'Guide' },
        birthday: '1990-04-12',
      },
      { name: { formattedName: 'Office' }, phones: [{ phone: '+54 3757 420 000' }] },
    ],
  },
  reaction: { kind: 'reaction', toProviderMessageId: WAMID, emoji: '👍' },
  unreaction: { kind: 'reaction', toProviderMessageId: WAMID, emoji: '' },
};

const TEMPLATE: SendTemplateRequest = {
  to: CUSTOMER,
  name: 'trip_ticket',
  language: 'en',
  bodyParams: ['Ana', 'BK-12'],
  header: { kind: 'media', mediaType: 'image', link: 'https://cdn.example.com/falls.jpg' },
  buttonParams: [
    { index: 0, subType: 'quick_reply', param: 'CONFIRM' },
    { index: 1, subType: 'url', param: 'BK-12' },
  ],
  messageId: MESSAGE_ID,
};

const PROVIDERS: Array<[string, (url: string) => CloudApiProvider, SendingAccount]> = [
  ['Meta', (url) => new CloudApiProvider(MetaEndpoint.of(url, 'v23.0')), metaAccount()],
  ['360dialog', (url) => new CloudApiProvider(new Dialog360Endpoint(url)), dialog360Account()],
];

describe('outbound Cloud API payloads against Meta’s OpenAPI document (patched as its README says)', () => {
  let fake: FakeProviderServer;
  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add('meta-token');
    fake.apiKeys.add('d360-key');
  });
  afterEach(() => fake.close());

  for (const [name, adapter, account] of PROVIDERS)
    it(`${name}: every session kind, a quoted reply and a template send validate`, async () => {
      const provider = adapter(fake.url);
      for (const message of Object.values(SESSION))
        await provider.sendMessage(account, { to: CUSTOMER, message, messageId: MESSAGE_ID });
      await provider.sendMessage(account, {
        to: CUSTOMER,
        message: SESSION.text,
        replyToProviderId: WAMID,
        messageId: MESSAGE_ID,
      });
      await provider.sendTemplate(account, TEMPLATE);
      expect(fake.outbound.sent).to.have.length(Object.keys(SESSION).length + 2);
      for (const sent of fake.outbound.sent) {
        expect(metaSendProblems(sent.body), JSON.stringify(sent.body)).to.deep.equal([]);
        expect(sent.body.biz_opaque_callback_data).to.equal(MESSAGE_ID);
      }
    });

  it('is a check that can fail: it refuses four reply buttons, a 21-character title, an unknown field', () => {
    const valid = {
      messaging_product: 'whatsapp',
      to: CUSTOMER,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'x' },
        action: { buttons: [{ type: 'reply', reply: { id: 'a', title: 'A' } }] },
      },
    };
    expect(metaSendProblems(valid)).to.deep.equal([]);
    const button = (title: string) => ({ type: 'reply', reply: { id: title, title } });
    const withButtons = (buttons: object[]) => ({
      ...valid,
      interactive: { ...valid.interactive, action: { buttons } },
    });
    expect(metaSendProblems(withButtons(['a', 'b', 'c', 'd'].map(button)))).not.to.deep.equal([]);
    expect(metaSendProblems(withButtons([button('x'.repeat(21))]))).not.to.deep.equal([]);
    expect(metaSendProblems({ ...valid, colour: 'red' })).not.to.deep.equal([]);
  });
});
