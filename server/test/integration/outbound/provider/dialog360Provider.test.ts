import { expect } from 'chai';
import { buttonsMessage } from '../../../support/interactiveMessages';
import { CloudApiProvider } from '../../../../src/whatsapp/outbound/provider/cloudapi/CloudApiProvider';
import { Dialog360Endpoint } from '../../../../src/whatsapp/outbound/provider/dialog360/Dialog360Endpoint';
import { MetaEndpoint } from '../../../../src/whatsapp/outbound/provider/meta/MetaEndpoint';
import type { SendMessageRequest } from '../../../../src/whatsapp/outbound/provider/WhatsappProvider';
import { graphError } from '../../../support/fakeFailures';
import { FakeProviderServer } from '../../../support/FakeProviderServer';
import { CUSTOMER, dialog360Account, failure, json, metaAccount, WAMID } from './providerTestKit';

describe('360dialog provider', () => {
  let fake: FakeProviderServer;
  let dialog: CloudApiProvider;
  const account = dialog360Account();

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.apiKeys.add('d360-key');
    dialog = new CloudApiProvider(new Dialog360Endpoint(fake.url));
  });
  afterEach(() => fake.close());

  it('posts to /messages with D360-API-KEY and no phone number id or bearer token', async () => {
    const result = await dialog.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'text', text: 'Hola' },
    });
    const [request] = fake.requests;
    expect(request.path).to.equal('/messages');
    expect(request.headers['d360-api-key']).to.equal('d360-key');
    expect(request.headers.authorization).to.equal(undefined);
    expect(result.providerMessageId).to.equal(fake.outbound.sent[0].providerMessageId);
    expect(fake.outbound.sent[0]).to.include({ provider: '360dialog', account: 'd360-key' });
  });

  it('sends exactly the Cloud API payloads Meta gets', async () => {
    fake.tokens.add('meta-token');
    const meta = new CloudApiProvider(MetaEndpoint.of(fake.url, 'v25.0'));
    const request: SendMessageRequest = {
      to: CUSTOMER,
      replyToProviderId: WAMID,
      message: buttonsMessage({ body: 'Confirm?', buttons: [{ id: 'y', title: 'Yes' }] }),
    };
    await meta.sendMessage(metaAccount(), request);
    await dialog.sendMessage(account, request);
    const template = { to: CUSTOMER, name: 'incident_alert', language: 'en', bodyParams: ['TRP1', 'INC-1'] };
    await meta.sendTemplate(metaAccount(), template);
    await dialog.sendTemplate(account, template);
    const [metaText, dialogText, metaTemplate, dialogTemplate] = fake.outbound.sent.map((s) => s.body);
    expect(dialogText).to.deep.equal(metaText);
    expect(dialogTemplate).to.deep.equal(metaTemplate);
  });

  it('marks as read and uploads on its own paths', async () => {
    await dialog.markAsRead(account, WAMID);
    expect(json(fake.requestsTo('/messages')[0].body)).to.deep.equal({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: WAMID,
    });
    const { mediaId } = await dialog.uploadMedia(account, {
      bytes: Buffer.from('png'),
      mimeType: 'image/png',
    });
    expect(fake.requestsTo('/media')[0].headers['d360-api-key']).to.equal('d360-key');
    expect(fake.outbound.uploads[0]).to.include({ provider: '360dialog', mediaId });
  });

  it('a refused API key is an auth failure; relayed Graph errors keep their class', async () => {
    const refused = await failure(
      dialog.sendMessage(dialog360Account('wrong'), { to: CUSTOMER, message: { kind: 'text', text: 'x' } }),
    );
    expect(refused).to.include({ kind: 'auth' });
    fake.outbound.failNext('send', graphError(132001));
    const missing = await failure(
      dialog.sendTemplate(account, { to: CUSTOMER, name: 'nope', language: 'en', bodyParams: [] }),
    );
    expect(missing).to.include({ kind: 'permanent', code: '132001' });
  });

  it('a configuration without an API key fails as auth without a request', async () => {
    const error = await failure(
      dialog.sendMessage(
        { ...account, credentials: {} },
        { to: CUSTOMER, message: { kind: 'text', text: 'x' } },
      ),
    );
    expect(error).to.include({ kind: 'auth', code: 'missing_configuration' });
    expect(fake.requests).to.be.empty;
  });
});
