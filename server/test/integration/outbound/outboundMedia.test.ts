import { expect } from 'chai';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { UPLOAD_REUSE_MS } from '../../../src/modules/media/domain/providerUploadReuse';
import { TYPES } from '../../../src/types';
import type { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { ApiClient } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { graphError, httpStatus } from '../../support/fakeFailures';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import { CUSTOMER, customerWrote, message, OTHER_CUSTOMER, PHONE_NUMBER_ID } from './outboundKit';

const HOUR = 3_600_000;
const PNG = Buffer.from('89504e470d0a1a0a0000000d494844520000000100000001', 'hex');
const OGG = Buffer.from('4f676753000200000000000000004f707573486561640101', 'hex');

interface MediaRow {
  provider_media_id: string | null;
  upload_provider: string | null;
  upload_account: string | null;
  uploaded_at: Date | null;
}

const mediaRow = async (id: string) =>
  (await testDb().knex('whatsapp_media').where({ id }).first()) as MediaRow;

describe('Outbound media: uploaded files go out by the provider media id', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;
  let api: ApiClient;
  let key: string;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake);
    await customerWrote(kit.tenantId, CUSTOMER, new Date(kit.clock.now().getTime() - HOUR));
    api = new ApiClient(kit);
    key = (await aUser({ id: kit.tenantId } as Tenant, { role: 'sales' })).apiKey;
  });
  afterEach(() => fake.close());

  const upload = async (bytes: Buffer, contentType: string, filename?: string): Promise<string> => {
    const res = await api.post('/media', {
      key,
      headers: { 'content-type': contentType },
      query: filename ? { filename } : undefined,
      body: bytes,
    });
    expect(res.status).to.equal(201);
    return res.body.id as string;
  };

  const sendMedia = (mediaId: string, to = CUSTOMER, mediaType: 'image' | 'audio' = 'image') =>
    kit.queue({ to, media: { mediaType, mediaId } });

  it('uploads a REST-uploaded image once at send time and sends it by the provider id', async () => {
    const mediaId = await upload(PNG, 'image/png', 'map.png');
    const res = await api.post('/messages', {
      key,
      body: { to: CUSTOMER, media: { id: mediaId, type: 'image', caption: 'The meeting point' } },
    });
    expect(res.status).to.equal(202);
    expect(fake.outbound.uploads).to.have.length(0);

    expect(await kit.dispatcher.drain()).to.equal(1);
    expect(fake.outbound.uploads).to.have.length(1);
    const [uploaded] = fake.outbound.uploads;
    expect(uploaded.fields).to.include({ messaging_product: 'whatsapp', type: 'image/png' });
    expect(uploaded.file.name).to.equal('map.png');
    expect(uploaded.file.bytes.equals(PNG)).to.equal(true);
    expect(fake.outbound.sent).to.have.length(1);
    expect(fake.outbound.sent[0].body).to.deep.include({
      to: CUSTOMER,
      type: 'image',
      image: { id: uploaded.mediaId, caption: 'The meeting point' },
    });
    expect(await message(res.body.id as string)).to.include({ status: 'sent', attempts: 1 });
    const row = await mediaRow(mediaId);
    expect(row).to.include({
      provider_media_id: uploaded.mediaId,
      upload_provider: 'meta',
      upload_account: PHONE_NUMBER_ID,
    });
    expect(new Date(row.uploaded_at as Date)).to.deep.equal(kit.clock.now());
  });

  it('sends the same file again without uploading it again, and re-uploads once the id is about to expire', async () => {
    const mediaId = await upload(PNG, 'image/png');
    await sendMedia(mediaId);
    await kit.dispatcher.drain();
    await sendMedia(mediaId);
    await kit.dispatcher.drain();
    expect(fake.outbound.uploads).to.have.length(1);
    const providerId = fake.outbound.uploads[0].mediaId;
    expect(fake.outbound.sent.map((s) => (s.body.image as { id: string }).id)).to.deep.equal([
      providerId,
      providerId,
    ]);

    kit.clock.advance(UPLOAD_REUSE_MS);
    await customerWrote(kit.tenantId, OTHER_CUSTOMER, new Date(kit.clock.now().getTime() - HOUR));
    await sendMedia(mediaId, OTHER_CUSTOMER);
    await kit.dispatcher.drain();
    expect(fake.outbound.uploads).to.have.length(2);
    const renewed = fake.outbound.uploads[1].mediaId;
    expect(renewed).to.not.equal(providerId);
    expect((fake.outbound.sent[2].body.image as { id: string }).id).to.equal(renewed);
    expect(await mediaRow(mediaId)).to.include({ provider_media_id: renewed });
  });

  it('retries an upload that failed with a 5xx like a send, then uploads and sends', async () => {
    const mediaId = await upload(PNG, 'image/png');
    fake.outbound.failNext('upload', httpStatus(503));
    const id = await sendMedia(mediaId);
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'queued', attempts: 1, error_code: 'http_503' });
    expect(fake.outbound.sent).to.have.length(0);
    expect(await mediaRow(mediaId)).to.include({ provider_media_id: null });

    kit.clock.advance(1_000);
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'sent', attempts: 2, error_code: null });
    expect(fake.outbound.uploads).to.have.length(1);
    expect((fake.outbound.sent[0].body.image as { id: string }).id).to.equal(
      fake.outbound.uploads[0].mediaId,
    );
  });

  it('enters panic mode when the upload is refused for the credentials (190) and holds the message', async () => {
    const mediaId = await upload(PNG, 'image/png');
    fake.outbound.failNext('upload', graphError(190));
    const id = await sendMedia(mediaId);
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'queued', error_code: '190' });
    const panic = kit.container.get<PanicMode>(TYPES.PanicMode);
    expect(await panic.status(kit.tenantId)).to.deep.include({ active: true, reason: 'auth' });
    expect(fake.outbound.uploads).to.have.length(0);
    expect(fake.outbound.sent).to.have.length(0);
  });

  it('uploads Ogg audio as audio/ogg; codecs=opus', async () => {
    const mediaId = await upload(OGG, 'audio/ogg');
    await sendMedia(mediaId, CUSTOMER, 'audio');
    await kit.dispatcher.drain();
    expect(fake.outbound.uploads).to.have.length(1);
    const [uploaded] = fake.outbound.uploads;
    expect(uploaded.fields.type).to.equal('audio/ogg; codecs=opus');
    expect(uploaded.file.type).to.match(/^audio\/ogg; ?codecs=opus$/);
    expect(fake.outbound.sent[0].body).to.deep.include({ type: 'audio', audio: { id: uploaded.mediaId } });
  });

  it('answers 422 MEDIA_NOT_FOUND to a send of an id in our format that is not a stored upload', async () => {
    const res = await api.post('/messages', {
      key,
      body: { to: CUSTOMER, media: { id: '7b0c6f43-5d1e-4f7a-9a51-0d6c2b7e4f10', type: 'image' } },
    });
    expect(res.status).to.equal(422);
    expect(res.body.code).to.equal('MEDIA_NOT_FOUND');
  });

  it('fails a queued id that is not a stored upload of the tenant at once, and passes a provider media id through', async () => {
    const missing = await sendMedia('7b0c6f43-5d1e-4f7a-9a51-0d6c2b7e4f10');
    const providers = await sendMedia('1234567890123456');
    await kit.dispatcher.drain();
    expect(await message(missing)).to.include({ status: 'failed', error_code: 'media_not_found' });
    expect(await message(providers)).to.include({ status: 'sent' });
    expect(fake.outbound.uploads).to.have.length(0);
    expect(fake.outbound.sent.map((s) => s.body.image)).to.deep.equal([{ id: '1234567890123456' }]);
  });

  it('sends an uploaded document under its uploaded name unless the message names it', async () => {
    const mediaId = await upload(Buffer.from('%PDF-1.4 itinerary'), 'application/pdf', 'itinerary.pdf');
    await kit.queue({ media: { mediaType: 'document', mediaId } });
    await kit.queue({ media: { mediaType: 'document', mediaId, filename: 'Day 1.pdf' } });
    await kit.dispatcher.drain();
    expect(fake.outbound.uploads).to.have.length(1);
    const id = fake.outbound.uploads[0].mediaId;
    expect(fake.outbound.sent.map((s) => s.body.document)).to.have.deep.members([
      { id, filename: 'itinerary.pdf' },
      { id, filename: 'Day 1.pdf' },
    ]);
  });
});

describe('Outbound media on Twilio (no upload API, no public media route)', () => {
  let fake: FakeProviderServer;
  afterEach(() => fake.close());

  it('fails a message with an uploaded file permanently, saying to send a link', async () => {
    fake = await FakeProviderServer.start();
    const kit = await dispatcherKit(fake, {}, 'twilio');
    await customerWrote(kit.tenantId, CUSTOMER, new Date(kit.clock.now().getTime() - HOUR));
    const api = new ApiClient(kit);
    const key = (await aUser({ id: kit.tenantId } as Tenant, { role: 'sales' })).apiKey;
    const up = await api.post('/media', { key, headers: { 'content-type': 'image/png' }, body: PNG });
    const id = await kit.queue({ media: { mediaType: 'image', mediaId: up.body.id as string } });
    await kit.dispatcher.drain();
    const row = await message(id);
    expect(row).to.include({ status: 'failed', attempts: 1, error_code: 'unsupported' });
    expect(row.error_title).to.match(/uploaded media/);
    expect(fake.requests.filter((r) => r.method === 'POST')).to.have.length(0);
  });
});
