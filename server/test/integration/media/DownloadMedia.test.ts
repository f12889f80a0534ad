import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from 'chai';
import { MAX_MEDIA_BYTES } from '../../../src/modules/media/domain/mediaTypes';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import {
  aConfiguredTenant,
  afterBackoff,
  aPendingMedia,
  deferred,
  dueNow,
  eventually,
  mediaRow,
  mediaTestContext,
  removeMediaTestDirs,
  sha256Hex,
  someBytes,
  type MediaTestContext,
} from './mediaTestKit';

const TOKEN = 'meta-token-1';
const MEDIA_ID = '5507846353537433';

describe('DownloadMedia', () => {
  let fake: FakeProviderServer;
  let context: MediaTestContext;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add(TOKEN);
    context = await mediaTestContext(fake);
  });

  afterEach(async () => {
    await fake.close();
    await removeMediaTestDirs();
  });

  const aMetaTenant = (token = TOKEN) => aConfiguredTenant(context, 'meta', { accessToken: token });

  const storedFiles = (): string[] =>
    existsSync(path.join(context.dataDir, 'media'))
      ? readdirSync(path.join(context.dataDir, 'media'), { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name)
      : [];

  describe('Meta', () => {
    it('downloads an image with the bearer token, checks its sha256 and stores it under DATA_DIR/media', async () => {
      const bytes = someBytes();
      fake.addMetaMedia({ id: MEDIA_ID, bytes, mimeType: 'image/jpeg' });
      const tenant = await aMetaTenant();
      const id = await aPendingMedia(context, tenant, { providerMediaId: MEDIA_ID });
      dueNow(context);

      expect(await context.downloader.execute()).to.include({ stored: 1, failed: 0 });

      const row = await mediaRow(id);
      const now = context.clock.now();
      const month = String(now.getUTCMonth() + 1).padStart(2, '0');
      expect(row).to.include({
        status: 'stored',
        attempts: 1,
        error: null,
        size_bytes: bytes.length,
        sha256: sha256Hex(bytes),
        mime_type: 'image/jpeg',
        storage_key: `${tenant.id}/${now.getUTCFullYear()}/${month}/${id}.jpg`,
      });
      expect(row.stored_at).to.be.instanceOf(Date);
      const file = path.join(context.dataDir, 'media', row.storage_key as string);
      expect((await readFile(file)).equals(bytes)).to.equal(true);
      const [lookup] = fake.requestsTo(`/v25.0/${MEDIA_ID}`);
      expect(lookup.headers.authorization).to.equal(`Bearer ${TOKEN}`);
      const [download] = fake.requestsTo('/whatsapp_business/attachments');
      expect(download.headers.authorization).to.equal(`Bearer ${TOKEN}`);
    });

    it('accepts the checksum in base64 (as webhooks carry it) as well as hex', async () => {
      const bytes = someBytes();
      const base64 = Buffer.from(sha256Hex(bytes), 'hex').toString('base64');
      fake.addMetaMedia({ id: MEDIA_ID, bytes, sha256: base64 });
      const id = await aPendingMedia(context, await aMetaTenant(), {
        providerMediaId: MEDIA_ID,
        sha256: base64,
      });
      dueNow(context);

      await context.downloader.execute();

      expect(await mediaRow(id)).to.include({ status: 'stored', sha256: sha256Hex(bytes) });
    });

    it('retries server errors with backoff and stores the media once the provider recovers', async () => {
      const bytes = someBytes();
      fake.addMetaMedia({ id: MEDIA_ID, bytes, lookupFailures: 2 });
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: MEDIA_ID });
      dueNow(context);

      expect(await context.downloader.execute()).to.include({ retrying: 1 });
      const first = await mediaRow(id);
      expect(first).to.include({ status: 'pending', attempts: 1 });
      expect(first.error).to.match(/^GRAPH_2: /);
      expect(first.available_at.getTime()).to.be.greaterThan(context.clock.now().getTime());
      expect(await context.downloader.execute(), 'not due before its backoff').to.include({ retrying: 0 });

      afterBackoff(context);
      expect(await context.downloader.execute()).to.include({ retrying: 1 });
      afterBackoff(context);
      expect(await context.downloader.execute()).to.include({ stored: 1 });
      expect(await mediaRow(id)).to.include({ status: 'stored', attempts: 3, error: null });
      expect(fake.requestsTo(`/v25.0/${MEDIA_ID}`)).to.have.length(3);
    });

    it('asks for a new URL when the download URL has expired (404)', async () => {
      fake.addMetaMedia({ id: MEDIA_ID, bytes: someBytes(), expiredDownloads: 1 });
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: MEDIA_ID });
      dueNow(context);

      expect(await context.downloader.execute()).to.include({ retrying: 1 });
      afterBackoff(context);
      expect(await context.downloader.execute()).to.include({ stored: 1 });

      expect(await mediaRow(id)).to.include({ status: 'stored', attempts: 2 });
      expect(fake.requestsTo(`/v25.0/${MEDIA_ID}`)).to.have.length(2);
    });

    it('gives up on retryable failures after 5 attempts, keeping the last error', async () => {
      fake.addMetaMedia({ id: MEDIA_ID, bytes: someBytes(), lookupFailures: 100 });
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: MEDIA_ID });
      dueNow(context);

      for (let round = 0; round < 5; round++) {
        await context.downloader.execute();
        afterBackoff(context);
      }

      const row = await mediaRow(id);
      expect(row).to.include({ status: 'failed', attempts: 5 });
      expect(row.error).to.match(/^GRAPH_2: .*gave up after 5 attempts/);
      expect(await context.downloader.execute()).to.include({ failed: 0, retrying: 0 });
    });

    it('fails at once when Graph rejects the token (190), keeping code and message', async () => {
      fake.expiredTokens.add('expired-token');
      fake.addMetaMedia({ id: MEDIA_ID, bytes: someBytes() });
      const id = await aPendingMedia(context, await aMetaTenant('expired-token'), {
        providerMediaId: MEDIA_ID,
      });
      dueNow(context);

      expect(await context.downloader.execute()).to.include({ failed: 1 });

      const row = await mediaRow(id);
      expect(row).to.include({ status: 'failed', attempts: 1, storage_key: null });
      expect(row.error).to.equal(
        'GRAPH_190: media lookup answered HTTP 401: Error validating access token: Session has expired',
      );
    });

    it('fails at once for a media id Graph does not know (100)', async () => {
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: '999' });
      dueNow(context);

      await context.downloader.execute();

      const row = await mediaRow(id);
      expect(row).to.include({ status: 'failed', attempts: 1 });
      expect(row.error).to.match(/^GRAPH_100: .*Invalid parameter/);
    });

    it('refuses an image whose declared file_size is over the limit without downloading it', async () => {
      fake.addMetaMedia({ id: MEDIA_ID, bytes: someBytes(), fileSize: MAX_MEDIA_BYTES.image + 1 });
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: MEDIA_ID });
      dueNow(context);

      await context.downloader.execute();

      const row = await mediaRow(id);
      expect(row).to.include({ status: 'failed', attempts: 1 });
      expect(row.error).to.match(/^MEDIA_TOO_LARGE: /);
      expect(fake.requestsTo('/whatsapp_business/attachments')).to.have.length(0);
    });

    it('stops reading a download that streams past the limit though it declared less', async () => {
      const bytes = someBytes(MAX_MEDIA_BYTES.sticker + 1);
      fake.addMetaMedia({ id: MEDIA_ID, bytes, fileSize: 1000, chunked: true, mimeType: 'image/webp' });
      const id = await aPendingMedia(context, await aMetaTenant(), {
        type: 'sticker',
        providerMediaId: MEDIA_ID,
      });
      dueNow(context);

      await context.downloader.execute();

      const row = await mediaRow(id);
      expect(row).to.include({ status: 'failed', storage_key: null });
      expect(row.error).to.match(/^MEDIA_TOO_LARGE: /);
      expect(storedFiles()).to.deep.equal([]);
    });

    it('does not store media whose sha256 does not match, retrying twice before failing', async () => {
      fake.addMetaMedia({ id: MEDIA_ID, bytes: someBytes(), sha256: sha256Hex(Buffer.from('other')) });
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: MEDIA_ID });
      dueNow(context);

      expect(await context.downloader.execute()).to.include({ retrying: 1 });
      afterBackoff(context);
      expect(await context.downloader.execute()).to.include({ retrying: 1 });
      afterBackoff(context);
      expect(await context.downloader.execute()).to.include({ failed: 1 });

      const row = await mediaRow(id);
      expect(row).to.include({ status: 'failed', attempts: 3, storage_key: null, size_bytes: null });
      expect(row.error).to.match(/^SHA256_MISMATCH: /);
      expect(storedFiles()).to.deep.equal([]);
    });

    it('does not let a slow download hold up another row', async () => {
      const slow = deferred();
      fake.addMetaMedia({ id: 'slow', bytes: someBytes(), hold: slow.promise });
      fake.addMetaMedia({ id: 'fast', bytes: someBytes() });
      const tenant = await aMetaTenant();
      const slowId = await aPendingMedia(context, tenant, { providerMediaId: 'slow' });
      const fastId = await aPendingMedia(context, tenant, { providerMediaId: 'fast' });
      dueNow(context);

      const round = context.downloader.execute();
      await eventually(async () => (await mediaRow(fastId)).status === 'stored');
      expect((await mediaRow(slowId)).status).to.equal('pending');
      slow.resolve();

      expect(await round).to.include({ stored: 2 });
      expect((await mediaRow(slowId)).status).to.equal('stored');
    });

    it('leases a claimed row: nobody else takes it until the lease expires, and then the late write is refused', async () => {
      fake.addMetaMedia({ id: MEDIA_ID, bytes: someBytes() });
      const id = await aPendingMedia(context, await aMetaTenant(), { providerMediaId: MEDIA_ID });
      dueNow(context);

      const [stale] = await context.downloader.claim(4);
      expect(await context.downloader.claim(4)).to.deep.equal([]);
      afterBackoff(context);
      const [fresh] = await context.downloader.claim(4);
      expect(fresh).to.include({ id, attempts: 2 });

      expect(await context.downloader.download(stale)).to.equal('superseded');
      expect(await context.downloader.download(fresh)).to.equal('stored');
      expect(await mediaRow(id)).to.include({ status: 'stored', attempts: 2 });
    });
  });

  describe('360dialog', () => {
    it('uses the D360-API-KEY header and fetches the file from the 360dialog host', async () => {
      fake.apiKeys.add('d360-key');
      const bytes = someBytes();
      fake.addMetaMedia({ id: MEDIA_ID, bytes });
      const tenant = await aConfiguredTenant(context, '360dialog', { dialog360ApiKey: 'd360-key' });
      const id = await aPendingMedia(context, tenant, { providerMediaId: MEDIA_ID });
      dueNow(context);

      await context.downloader.execute();

      expect(await mediaRow(id)).to.include({ status: 'stored', sha256: sha256Hex(bytes) });
      const [lookup] = fake.requestsTo(`/${MEDIA_ID}`);
      const [download] = fake.requestsTo('/whatsapp_business/attachments');
      for (const request of [lookup, download]) {
        expect(request.headers['d360-api-key']).to.equal('d360-key');
        expect(request.headers.authorization).to.equal(undefined);
      }
      expect(download.query.get('mid')).to.equal(MEDIA_ID);
    });
  });

  describe('Twilio', () => {
    const ACCOUNT_SID = `AC${'b'.repeat(32)}`;
    const MESSAGE_SID = `MM${'3'.repeat(32)}`;
    const MEDIA_SID = `ME${'0'.repeat(32)}`;

    it('downloads the media resource with basic auth, follows the redirect to an allowed storage host and sends it no credentials', async () => {
      const storage = await FakeProviderServer.start();
      try {
        const storageHost = new URL(storage.url).host;
        context = await mediaTestContext(fake, { WHATSAPP_MEDIA_HOSTS: storageHost });
        const bytes = someBytes();
        fake.addTwilioMedia({
          accountSid: ACCOUNT_SID,
          authToken: 'twilio-token',
          messageSid: MESSAGE_SID,
          mediaSid: MEDIA_SID,
          bytes,
          contentType: 'image/png',
          storage,
        });
        const tenant = await aConfiguredTenant(context, 'twilio', {
          twilioAccountSid: ACCOUNT_SID,
          twilioAuthToken: 'twilio-token',
        });
        const id = await aPendingMedia(context, tenant, {
          providerMediaId: MEDIA_SID,
          providerMessageId: MESSAGE_SID,
        });
        dueNow(context);

        await context.downloader.execute();

        const row = await mediaRow(id);
        expect(row).to.include({ status: 'stored', mime_type: 'image/png', sha256: sha256Hex(bytes) });
        expect(row.storage_key).to.match(/\.png$/);
        const [media] = fake.requestsTo('/2010-04-01/Accounts/');
        const basic = Buffer.from(`${ACCOUNT_SID}:twilio-token`).toString('base64');
        expect(media.headers.authorization).to.equal(`Basic ${basic}`);
        const [file] = storage.requestsTo('/twilio-storage/');
        expect(file.headers.authorization).to.equal(undefined);
      } finally {
        await storage.close();
      }
    });

    it('does not follow the redirect to a storage host that is not one of Twilio’s', async () => {
      const storage = await FakeProviderServer.start();
      try {
        fake.addTwilioMedia({
          accountSid: ACCOUNT_SID,
          authToken: 'twilio-token',
          messageSid: MESSAGE_SID,
          mediaSid: MEDIA_SID,
          bytes: someBytes(),
          storage,
        });
        const tenant = await aConfiguredTenant(context, 'twilio', {
          twilioAccountSid: ACCOUNT_SID,
          twilioAuthToken: 'twilio-token',
        });
        const id = await aPendingMedia(context, tenant, {
          providerMediaId: MEDIA_SID,
          providerMessageId: MESSAGE_SID,
        });
        dueNow(context);

        await context.downloader.execute();

        const row = await mediaRow(id);
        expect(row.status).to.equal('failed');
        expect(row.error).to.match(/^UNTRUSTED_MEDIA_URL: /);
        expect(storage.requests).to.have.length(0);
      } finally {
        await storage.close();
      }
    });

    it('needs the media and message SIDs: a row without them fails without a request', async () => {
      const tenant = await aConfiguredTenant(context, 'twilio', {
        twilioAccountSid: ACCOUNT_SID,
        twilioAuthToken: 'twilio-token',
      });
      const id = await aPendingMedia(context, tenant, {});
      dueNow(context);

      await context.downloader.execute();

      const row = await mediaRow(id);
      expect(row.status).to.equal('failed');
      expect(row.error).to.match(/^BAD_MEDIA_REF: /);
      expect(fake.requests).to.have.length(0);
    });
  });

  it('fails media of a console tenant with NO_PROVIDER', async () => {
    const tenant = await aConfiguredTenant(context, 'console', {});
    const id = await aPendingMedia(context, tenant, { providerMediaId: MEDIA_ID });
    dueNow(context);

    await context.downloader.execute();

    const row = await mediaRow(id);
    expect(row).to.include({ status: 'failed', attempts: 1 });
    expect(row.error).to.match(/^NO_PROVIDER: /);
    expect(fake.requests).to.have.length(0);
  });
});
