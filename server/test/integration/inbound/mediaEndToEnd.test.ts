import crypto from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { DownloadMedia } from '../../../src/modules/media/application/DownloadMedia';
import { TYPES } from '../../../src/types';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { ApiClient } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { loadFixture } from '../../support/fixtures';
import { inboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';

describe('inbound media, end to end', () => {
  let fake: FakeProviderServer;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wa-ops-e2e-media-'));

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
  });
  afterEach(async () => {
    await fake.close();
  });
  after(async () => rm(dataDir, { recursive: true, force: true }));

  it('downloads the image of a signed webhook from the Graph API with the tenant token and stores it', async () => {
    const h = await inboundHarness({
      WHATSAPP_ENABLE_MEDIA: 'true',
      WHATSAPP_API_BASE_URL: fake.url,
      DATA_DIR: dataDir,
    });
    const bytes = crypto.randomBytes(20_000);
    fake.tokens.add('EAAG-fixture');
    fake.addMetaMedia({ id: '5507846353537433', bytes, mimeType: 'image/jpeg' });

    await h.postFixture('meta-image.json').expect(200);
    await h.processor.drain();
    // The console's thread: the message names its file, pending until it is downloaded.
    const api = new ApiClient(h);
    const { apiKey: key } = await aUser({ id: h.tenantId } as Tenant, { role: 'sales' });
    const inbound = await testDb().knex('whatsapp_messages').where({ direction: 'INBOUND' }).first();
    const thread = async () =>
      (await api.get(`/conversations/${inbound.conversation_id}/messages`, { key })).body.data.find(
        (m: { id: string }) => m.id === inbound.id,
      );
    const before = await thread();
    expect(before.file).to.include({ status: 'pending', mimeType: 'image/jpeg' });
    h.clock.set(new Date(Date.now() + 1000));
    await h.container.get<DownloadMedia>(TYPES.MediaDownloader).execute();
    const after = await thread();
    expect(after.file).to.deep.equal({ ...before.file, status: 'stored', sizeBytes: bytes.length });
    const served = await api.get(`/media/${after.file.id}`, { key });
    expect(Buffer.from(served.body as Buffer).equals(bytes)).to.equal(true);

    const media = await testDb().knex('whatsapp_media').first();
    expect(media).to.include({
      status: 'stored',
      provider_media_id: '5507846353537433',
      size_bytes: bytes.length,
    });
    expect(media.sha256).to.equal(crypto.createHash('sha256').update(bytes).digest('hex'));
    const message = await testDb().knex('whatsapp_messages').where({ direction: 'INBOUND' }).first();
    expect(media.message_id).to.equal(message.id);
    expect(await readFile(path.join(dataDir, 'media', media.storage_key))).to.deep.equal(bytes);
    expect(fake.requestsTo('/v25.0/5507846353537433')[0].headers.authorization).to.equal(
      'Bearer EAAG-fixture',
    );
  });

  it('never fetches a URL a webhook names: an image with a url and no id is recorded as failed, nothing requested, nothing served', async () => {
    const internal = await FakeProviderServer.start();
    try {
      internal.serveBytes('/admin', Buffer.from('internal'), 'text/html');
      const h = await inboundHarness({
        WHATSAPP_ENABLE_MEDIA: 'true',
        WHATSAPP_API_BASE_URL: fake.url,
        DATA_DIR: dataDir,
      });
      fake.tokens.add('EAAG-fixture');
      const delivery = JSON.parse(loadFixture('meta-image.json').toString('utf8'));
      const image = delivery.entry[0].changes[0].value.messages[0].image;
      delete image.id;
      image.url = `${internal.url}/admin`;
      await h.postMeta(JSON.stringify(delivery)).expect(200);
      await h.processor.drain();
      h.clock.set(new Date(Date.now() + 1000));
      await h.container.get<DownloadMedia>(TYPES.MediaDownloader).execute();

      const media = await testDb().knex('whatsapp_media').first();
      expect(media).to.include({ status: 'failed', provider_media_id: null, storage_key: null });
      expect(media.error).to.match(/^NO_MEDIA_ID: /);
      expect(internal.requests, 'requests to the URL the webhook named').to.have.length(0);
      expect(
        fake.requests.filter((r) => r.method === 'GET'),
        'media requests to the provider',
      ).to.deep.equal([]);
      const manager = await aUser({ id: h.tenantId } as Tenant, { role: 'manager' });
      const served = await h.http
        .get(`/api/v1/media/${media.id}`)
        .set('authorization', `Bearer ${manager.apiKey}`);
      expect(served.status).to.equal(409);
    } finally {
      await internal.close();
    }
  });
});
