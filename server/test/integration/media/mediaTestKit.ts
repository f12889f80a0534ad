import crypto from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type { DownloadMedia } from '../../../src/modules/media/application/DownloadMedia';
import type { MediaRepository } from '../../../src/modules/media/domain/Media';
import type { MediaType } from '../../../src/modules/media/domain/mediaTypes';
import type { ProviderName } from '../../../src/shared/providers';
import { TYPES } from '../../../src/types';
import type {
  ProviderCredentials,
  WhatsappConfigurationRepository,
} from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { aTenant } from '../../support/builders';
import type { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { testContainer, type TestContext } from '../../support/testContainer';

export interface MediaTestContext extends TestContext {
  dataDir: string;
  downloader: DownloadMedia;
  media: MediaRepository;
}

const dataDirs: string[] = [];

export async function removeMediaTestDirs(): Promise<void> {
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** The test container pointed at `fake` for every provider. */
export async function mediaTestContext(
  fake: FakeProviderServer,
  env: Record<string, string> = {},
): Promise<MediaTestContext> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'wa-ops-media-'));
  dataDirs.push(dataDir);
  const context = testContainer({
    WHATSAPP_API_BASE_URL: fake.url,
    DIALOG360_API_BASE_URL: fake.url,
    TWILIO_API_BASE_URL: fake.url,
    DATA_DIR: dataDir,
    ...env,
  });
  const { container } = context;
  return {
    ...context,
    dataDir,
    downloader: container.get<DownloadMedia>(TYPES.MediaDownloader),
    media: container.get<MediaRepository>(TYPES.MediaRepository),
  };
}

export async function aConfiguredTenant(
  context: MediaTestContext,
  provider: ProviderName,
  credentials: ProviderCredentials,
): Promise<Tenant> {
  const tenant = await aTenant();
  await context.container
    .get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository)
    .save({ tenantId: tenant.id, provider, credentials, settings: {} });
  return tenant;
}

export interface PendingMediaInput {
  type?: MediaType;
  providerMediaId?: string;
  providerMessageId?: string;
  sha256?: string;
  mimeType?: string;
}

/** An inbound media message and its queued download; returns the whatsapp_media row id. */
export async function aPendingMedia(
  context: MediaTestContext,
  tenant: Tenant,
  input: PendingMediaInput,
): Promise<string> {
  const type = input.type ?? 'image';
  const [message] = await testDb()
    .knex('whatsapp_messages')
    .insert({
      tenant_id: tenant.id,
      provider_message_id: input.providerMessageId ?? `wamid.${crypto.randomBytes(6).toString('hex')}`,
      direction: 'INBOUND',
      type,
      status: 'received',
    })
    .returning('id');
  await context.media.addPending({
    tenantId: tenant.id,
    messageId: message.id,
    type,
    providerMediaId: input.providerMediaId,
    sha256: input.sha256,
    mimeType: input.mimeType,
  });
  const row = await testDb().knex('whatsapp_media').where({ message_id: message.id }).first('id');
  return row.id as string;
}

export interface MediaRow {
  id: string;
  status: string;
  attempts: number;
  error: string | null;
  storage_key: string | null;
  size_bytes: number | null;
  sha256: string | null;
  mime_type: string | null;
  stored_at: Date | null;
  available_at: Date;
}

export async function mediaRow(id: string): Promise<MediaRow> {
  return testDb().knex('whatsapp_media').where({ id }).first();
}

/** Rows queued by the database clock become due on the test clock. */
export function dueNow(context: MediaTestContext): void {
  context.clock.set(new Date(Date.now() + 1000));
}

/** Past any backoff (capped at 5 minutes) and any lease. */
export function afterBackoff(context: MediaTestContext): void {
  context.clock.advance(10 * 60_000);
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sha256Hex(bytes: Buffer): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/** A pretend JPEG of `size` bytes. */
export function someBytes(size = 2048): Buffer {
  return crypto.randomBytes(size);
}

export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
