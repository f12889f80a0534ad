import { expect } from 'chai';
import { buttonsMessage, listMessage } from '../../../support/interactiveMessages';
import { CloudApiProvider } from '../../../../src/whatsapp/outbound/provider/cloudapi/CloudApiProvider';
import { MetaEndpoint } from '../../../../src/whatsapp/outbound/provider/meta/MetaEndpoint';
import { graphError, httpStatus, noAnswer, tooManyRequests } from '../../../support/fakeFailures';
import { FakeProviderServer } from '../../../support/FakeProviderServer';
import { CUSTOMER, failure, json, metaAccount, WAMID } from './providerTestKit';

const MESSAGES = '/v25.0/106540352242922/messages';

describe('Meta Cloud API provider', () => {
  let fake: FakeProviderServer;
  let meta: CloudApiProvider;
  const account = metaAccount();

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add('meta-token');
    meta = new CloudApiProvider(MetaEndpoint.of(fake.url, 'v25.0'));
  });
  afterEach(() => fake.close());

  const lastBody = () => json(fake.requests[fake.requests.length - 1].body);

  it('sends a text to the phone number id with the bearer token and returns the wamid', async () => {
    const result = await meta.sendMessage(account, { to: CUSTOMER, message: { kind: 'text', text: 'Hola' } });

    const [request] = fake.requestsTo(MESSAGES);
    expect(request.method).to.equal('POST');
    expect(request.headers.authorization).to.equal('Bearer meta-token');
    expect(request.headers['content-type']).to.equal('application/json');
    expect(json(request.body)).to.deep.equal({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+15551234567',
      type: 'text',
      text: { preview_url: false, body: 'Hola' },
    });
    expect(result.providerMessageId)
      .to.match(/^wamid\./)
      .and.equal(fake.outbound.sent[0].providerMessageId);
  });

  it('quotes the replied message and asks for a link preview', async () => {
    await meta.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'text', text: 'See https://example.com', previewUrl: true },
      replyToProviderId: WAMID,
    });
    expect(lastBody()).to.deep.include({
      context: { message_id: WAMID },
      text: { preview_url: true, body: 'See https://example.com' },
    });
  });

  it('sends a template with header, body and button parameters', async () => {
    await meta.sendTemplate(account, {
      to: CUSTOMER,
      name: 'payment_link',
      language: 'es',
      header: { kind: 'text', text: 'TRP123' },
      bodyParams: ['Ana', 'BK-1\nline two', '$100'],
      buttonParams: [
        { index: 1, subType: 'url', param: 'BK-1' },
        { index: 0, subType: 'quick_reply', param: 'PAY_BK-1' },
      ],
    });
    expect(lastBody()).to.deep.equal({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '+15551234567',
      type: 'template',
      template: {
        name: 'payment_link',
        language: { code: 'es' },
        components: [
          { type: 'header', parameters: [{ type: 'text', text: 'TRP123' }] },
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Ana' },
              { type: 'text', text: 'BK-1 line two' },
              { type: 'text', text: '$100' },
            ],
          },
          {
            type: 'button',
            sub_type: 'quick_reply',
            index: '0',
            parameters: [{ type: 'payload', payload: 'PAY_BK-1' }],
          },
          { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'BK-1' }] },
        ],
      },
    });
  });

  it('sends a template without parameters without components', async () => {
    await meta.sendTemplate(account, {
      to: CUSTOMER,
      name: 'hello_world',
      language: 'en_US',
      bodyParams: [],
    });
    expect(lastBody()).to.deep.include({ template: { name: 'hello_world', language: { code: 'en_US' } } });
  });

  it('sends media by id and by link with caption and filename', async () => {
    await meta.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'media', mediaType: 'image', mediaId: '5803791052991050', caption: 'Comprobante' },
    });
    expect(lastBody()).to.deep.include({
      type: 'image',
      image: { id: '5803791052991050', caption: 'Comprobante' },
    });
    await meta.sendMessage(account, {
      to: CUSTOMER,
      message: {
        kind: 'media',
        mediaType: 'document',
        link: 'https://cdn.example.com/invoices/4512.pdf',
        caption: 'Factura',
        filename: 'factura-4512.pdf',
      },
    });
    expect(lastBody()).to.deep.include({
      type: 'document',
      document: {
        link: 'https://cdn.example.com/invoices/4512.pdf',
        caption: 'Factura',
        filename: 'factura-4512.pdf',
      },
    });
  });

  it('sends reply buttons and lists', async () => {
    await meta.sendMessage(account, {
      to: CUSTOMER,
      message: buttonsMessage({
        body: '¿Confirmás?',
        footer: 'Responde con un botón',
        buttons: [
          { id: 'yes', title: 'Confirmar' },
          { id: 'no', title: 'Reprogramar' },
        ],
      }),
    });
    expect(lastBody()).to.deep.include({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: '¿Confirmás?' },
        footer: { text: 'Responde con un botón' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'yes', title: 'Confirmar' } },
            { type: 'reply', reply: { id: 'no', title: 'Reprogramar' } },
          ],
        },
      },
    });
    await meta.sendMessage(account, {
      to: CUSTOMER,
      message: listMessage({
        header: 'Turnos',
        body: 'Elegí un horario',
        buttonText: 'Ver horarios',
        sections: [
          { title: 'Jueves', rows: [{ id: 'slot-10', title: 'Jue 10:00', description: 'Palermo' }] },
        ],
      }),
    });
    expect(lastBody()).to.deep.include({
      interactive: {
        type: 'list',
        header: { type: 'text', text: 'Turnos' },
        body: { text: 'Elegí un horario' },
        action: {
          button: 'Ver horarios',
          sections: [
            { title: 'Jueves', rows: [{ id: 'slot-10', title: 'Jue 10:00', description: 'Palermo' }] },
          ],
        },
      },
    });
  });

  it('sends a reaction', async () => {
    await meta.sendMessage(account, {
      to: CUSTOMER,
      message: { kind: 'reaction', toProviderMessageId: WAMID, emoji: '👍' },
    });
    expect(lastBody()).to.deep.include({ type: 'reaction', reaction: { message_id: WAMID, emoji: '👍' } });
  });

  it('refuses interactive messages beyond WhatsApp limits before any request', async () => {
    const buttons = Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, title: `B${i}` }));
    const tooMany = await failure(
      meta.sendMessage(account, { to: CUSTOMER, message: buttonsMessage({ body: 'x', buttons }) }),
    );
    expect(tooMany).to.include({ kind: 'permanent', code: 'invalid_message' });
    const longTitle = await failure(
      meta.sendMessage(account, {
        to: CUSTOMER,
        message: buttonsMessage({ body: 'x', buttons: [{ id: 'a', title: 'x'.repeat(21) }] }),
      }),
    );
    expect(longTitle.title).to.contain('1–20');
    const rows = Array.from({ length: 6 }, (_, i) => ({ id: `r${i}`, title: `Row ${i}` }));
    const elevenRows = await failure(
      meta.sendMessage(account, {
        to: CUSTOMER,
        message: listMessage({
          body: 'x',
          buttonText: 'Pick',
          sections: [
            { title: 'A', rows },
            { title: 'B', rows: rows.map((r) => ({ ...r, id: `${r.id}b` })) },
          ],
        }),
      }),
    );
    expect(elevenRows.title).to.contain('rows in all');
    expect(fake.requests).to.be.empty;
  });

  it('marks a message as read', async () => {
    await meta.markAsRead(account, WAMID);
    expect(fake.requestsTo(MESSAGES)).to.have.length(1);
    expect(lastBody()).to.deep.equal({ messaging_product: 'whatsapp', status: 'read', message_id: WAMID });
    expect(fake.outbound.reads).to.deep.equal([WAMID]);
  });

  it('uploads media as multipart and returns its id', async () => {
    const bytes = Buffer.from('OggS fake opus');
    const { mediaId } = await meta.uploadMedia(account, {
      bytes,
      mimeType: 'audio/ogg; codecs=opus',
      filename: 'note.ogg',
    });
    const [upload] = fake.outbound.uploads;
    expect(fake.requestsTo('/v25.0/106540352242922/media')[0].headers.authorization).to.equal(
      'Bearer meta-token',
    );
    expect(upload.mediaId).to.equal(mediaId);
    expect(upload.fields).to.deep.equal({ messaging_product: 'whatsapp', type: 'audio/ogg; codecs=opus' });
    expect(upload.file.name).to.equal('note.ogg');
    expect(upload.file.type).to.equal('audio/ogg; codecs=opus');
    expect(upload.file.bytes.equals(bytes)).to.equal(true);
  });

  it('refuses media over WhatsApp’s size limit for its type without uploading', async () => {
    const image = { bytes: Buffer.alloc(5 * 1024 * 1024 + 1), mimeType: 'image/jpeg' };
    expect(await failure(meta.uploadMedia(account, image))).to.include({
      kind: 'permanent',
      code: 'invalid_message',
    });
    const sticker = { bytes: Buffer.alloc(600 * 1024), mimeType: 'image/webp' };
    expect(await failure(meta.uploadMedia(account, sticker))).to.include({ code: 'invalid_message' });
    expect(fake.requests).to.be.empty;
    await meta.uploadMedia(account, { bytes: Buffer.alloc(6 * 1024 * 1024), mimeType: 'video/mp4' });
    expect(fake.outbound.uploads).to.have.length(1);
  });

  describe('failures', () => {
    const send = () => meta.sendMessage(account, { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } });

    it('outside the window (131047) is permanent, with Meta’s title, status and trace id', async () => {
      fake.outbound.failNext('send', graphError(131047, { details: 'More than 24 hours have passed.' }));
      const error = await failure(send());
      expect(error).to.include({
        kind: 'permanent',
        code: '131047',
        title: '(#131047) Re-engagement message: More than 24 hours have passed.',
      });
      expect(error.details).to.deep.equal({
        httpStatus: 400,
        retryAfterMs: undefined,
        traceId: 'Fake131047Trace',
      });
    });

    it('throughput and pair rate limits are throttled', async () => {
      fake.outbound.failNext('send', graphError(130429)).failNext('send', graphError(131056));
      expect(await failure(send())).to.include({ kind: 'throttled', code: '130429' });
      expect(await failure(send())).to.include({ kind: 'throttled', code: '131056' });
    });

    it('an expired token is an auth failure', async () => {
      fake.expiredTokens.add('meta-token');
      expect(await failure(send())).to.include({ kind: 'auth', code: '190' });
    });

    it('a missing token fails as auth without a request', async () => {
      const error = await failure(
        meta.sendMessage(metaAccount({}), { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } }),
      );
      expect(error).to.include({ kind: 'auth', code: 'missing_configuration' });
      expect(fake.requests).to.be.empty;
    });

    it('131000 and bare 5xx are retryable', async () => {
      fake.outbound.failNext('send', graphError(131000)).failNext('send', httpStatus(503, 'upstream down'));
      expect(await failure(send())).to.include({ kind: 'retryable', code: '131000' });
      const bare = await failure(send());
      expect(bare).to.include({ kind: 'retryable', code: 'http_503' });
      expect(bare.details.httpStatus).to.equal(503);
    });

    it('an oversized error body is not read, and the status still classifies', async () => {
      const huge = { error: { code: 131000, message: 'x'.repeat(300 * 1024) } };
      fake.outbound.failNext('send', httpStatus(502, huge));
      expect(await failure(send())).to.include({ kind: 'retryable', code: 'http_502', title: 'HTTP 502' });
    });

    it('a 429 carries Retry-After', async () => {
      fake.outbound.failNext('send', tooManyRequests(30));
      const error = await failure(send());
      expect(error).to.include({ kind: 'throttled', code: 'http_429' });
      expect(error.details.retryAfterMs).to.equal(30_000);
    });

    it('a provider that does not answer times out as retryable', async () => {
      fake.outbound.failNext('send', noAnswer());
      const hasty = new CloudApiProvider(MetaEndpoint.of(fake.url, 'v25.0'), 300);
      const started = Date.now();
      const error = await failure(
        hasty.sendMessage(account, { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } }),
      );
      expect(error).to.include({ kind: 'retryable', code: 'timeout' });
      expect(error.title).to.contain('300 ms');
      expect(Date.now() - started).to.be.lessThan(5000);
    });

    it('the caller’s deadline counts as a timeout, its cancellation as aborted', async () => {
      fake.outbound.failNext('send', noAnswer(), 2);
      const deadline = meta.sendMessage(
        account,
        { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } },
        AbortSignal.timeout(50),
      );
      expect(await failure(deadline)).to.include({ kind: 'retryable', code: 'timeout' });
      const controller = new AbortController();
      const cancelled = meta.sendMessage(
        account,
        { to: CUSTOMER, message: { kind: 'text', text: 'Hi' } },
        controller.signal,
      );
      setImmediate(() => controller.abort());
      expect(await failure(cancelled)).to.include({ kind: 'retryable', code: 'aborted' });
    });

    it('a refused connection is a retryable network failure', async () => {
      await fake.close();
      expect(await failure(send())).to.include({ kind: 'retryable', code: 'network' });
      fake = await FakeProviderServer.start();
    });

    it('a failed read receipt or upload is classified the same way', async () => {
      fake.outbound.failNext('read', graphError(100)).failNext('upload', graphError(131053));
      expect(await failure(meta.markAsRead(account, WAMID))).to.include({ kind: 'permanent', code: '100' });
      const upload = meta.uploadMedia(account, { bytes: Buffer.from('x'), mimeType: 'image/png' });
      expect(await failure(upload)).to.include({ kind: 'permanent', code: '131053' });
    });
  });
});
