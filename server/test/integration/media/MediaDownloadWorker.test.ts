import { expect } from 'chai';
import { TYPES } from '../../../src/types';
import { MediaDownloadWorker } from '../../../src/whatsapp/media/MediaDownloadWorker';
import type { BackgroundWorker } from '../../../src/workers';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import {
  aConfiguredTenant,
  aPendingMedia,
  deferred,
  dueNow,
  eventually,
  mediaRow,
  mediaTestContext,
  removeMediaTestDirs,
  someBytes,
} from './mediaTestKit';

describe('MediaDownloadWorker', () => {
  let fake: FakeProviderServer;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add('token');
  });

  afterEach(async () => {
    await fake.close();
    await removeMediaTestDirs();
  });

  it('is one of the background workers and downloads pending media until stopped', async () => {
    const context = await mediaTestContext(fake);
    const worker = context.container.get(MediaDownloadWorker);
    expect(context.container.getAll<BackgroundWorker>(TYPES.BackgroundWorkers)).to.include(worker);
    fake.addMetaMedia({ id: '1', bytes: someBytes() });
    fake.addMetaMedia({ id: '2', bytes: someBytes() });
    const tenant = await aConfiguredTenant(context, 'meta', { accessToken: 'token' });
    const first = await aPendingMedia(context, tenant, { providerMediaId: '1' });
    dueNow(context);

    worker.start();
    try {
      await eventually(async () => (await mediaRow(first)).status === 'stored');
      const second = await aPendingMedia(context, tenant, { providerMediaId: '2' });
      dueNow(context);
      worker.wake();
      await eventually(async () => (await mediaRow(second)).status === 'stored');
    } finally {
      await worker.stop();
    }
  });

  it('finishes the download in flight when stopped, and takes no more', async () => {
    const context = await mediaTestContext(fake);
    const worker = context.container.get(MediaDownloadWorker);
    const slow = deferred();
    fake.addMetaMedia({ id: 'slow', bytes: someBytes(), hold: slow.promise });
    const tenant = await aConfiguredTenant(context, 'meta', { accessToken: 'token' });
    const id = await aPendingMedia(context, tenant, { providerMediaId: 'slow' });
    dueNow(context);

    worker.start();
    await eventually(async () => fake.requestsTo('/whatsapp_business/attachments').length === 1);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).to.equal(false);
    slow.resolve();
    await stopping;

    expect((await mediaRow(id)).status).to.equal('stored');
    const later = await aPendingMedia(context, tenant, { providerMediaId: 'slow' });
    dueNow(context);
    worker.wake();
    await worker.stop();
    expect(await mediaRow(later)).to.include({ status: 'pending', attempts: 0 });
  });

  it('does nothing when media is disabled', async () => {
    const context = await mediaTestContext(fake, { WHATSAPP_ENABLE_MEDIA: 'false' });
    const worker = context.container.get(MediaDownloadWorker);
    fake.addMetaMedia({ id: '1', bytes: someBytes() });
    const tenant = await aConfiguredTenant(context, 'meta', { accessToken: 'token' });
    const id = await aPendingMedia(context, tenant, { providerMediaId: '1' });
    dueNow(context);

    worker.start();
    worker.wake();
    await worker.stop();

    expect(await mediaRow(id)).to.include({ status: 'pending', attempts: 0 });
    expect(fake.requests).to.have.length(0);
  });
});
