import crypto from 'node:crypto';
import { expect } from 'chai';
import type { MediaStorage } from '../../../src/modules/media/domain/MediaStorage';
import { TYPES } from '../../../src/types';
import { aTenant } from '../../support/builders';
import { testContainer, type TestContext } from '../../support/testContainer';
import { DAY, knex, runJob } from './jobsTestKit';

/** One of everything a message leaves behind, created at `at`. */
async function aMessageTrail(ctx: TestContext, tenantId: string, at: Date, text: string) {
  const [message] = await knex()('whatsapp_messages')
    .insert({
      tenant_id: tenantId,
      direction: 'INBOUND',
      type: 'image',
      customer_phone: '+5491100000001',
      content: JSON.stringify({ text, caption: text }),
      status: 'received',
      created_at: at,
    })
    .returning<Array<{ id: string }>>('id');
  await knex()('timeline_entries').insert({
    tenant_id: tenantId,
    entity_type: 'lead',
    entity_id: crypto.randomUUID(),
    event_type: 'MESSAGE',
    source: 'WHATSAPP',
    content: JSON.stringify({ action: 'CUSTOMER_MESSAGE', messageId: message.id, text }),
    created_at: at,
  });
  const key = `${tenantId}/${message.id}.jpg`;
  await ctx.container.get<MediaStorage>(TYPES.MediaStorage).put(key, Buffer.from(text));
  await knex()('whatsapp_media').insert({
    tenant_id: tenantId,
    message_id: message.id,
    provider_media_id: `media-${message.id}`,
    storage_key: key,
    status: 'stored',
    created_at: at,
  });
  await knex()('whatsapp_webhook_events').insert({
    provider: 'meta',
    tenant_id: tenantId,
    payload: JSON.stringify({ text }),
    content_hash: crypto.createHash('sha256').update(text).digest('hex'),
    received_at: at,
    processed_at: at,
  });
  return { messageId: message.id, key };
}

describe('job retention', () => {
  it('removes bodies, files and timeline text older than the retention period, and nothing newer', async () => {
    const ctx = testContainer({ WHATSAPP_MESSAGE_RETENTION_DAYS: '90' });
    const now = ctx.clock.now().getTime();
    const tenant = await aTenant();
    const old = await aMessageTrail(ctx, tenant.id, new Date(now - 90 * DAY - 60_000), 'old secret');
    const kept = await aMessageTrail(ctx, tenant.id, new Date(now - 90 * DAY + 60_000), 'recent words');

    const summary = await runJob(ctx, 'retention');

    expect(summary).to.deep.equal({ messages: 1, timelineEntries: 1, mediaFiles: 1, webhookEvents: 2 });
    const content = async (id: string) =>
      (await knex()('whatsapp_messages').where({ id }).first('content')).content as object;
    expect(await content(old.messageId)).to.deep.equal({ redacted: true });
    expect(await content(kept.messageId)).to.deep.equal({ text: 'recent words', caption: 'recent words' });
    const timeline = await knex()('timeline_entries').orderBy('created_at').select('content');
    expect(timeline.map((t) => t.content)).to.deep.equal([
      { action: 'CUSTOMER_MESSAGE', messageId: old.messageId, redacted: true },
      { action: 'CUSTOMER_MESSAGE', messageId: kept.messageId, text: 'recent words' },
    ]);
    const files = ctx.container.get<MediaStorage>(TYPES.MediaStorage);
    expect(await files.get(old.key)).to.equal(undefined);
    expect((await files.get(kept.key))?.toString()).to.equal('recent words');
    const media = await knex()('whatsapp_media').orderBy('created_at').select('status', 'storage_key');
    expect(media).to.deep.equal([
      { status: 'deleted', storage_key: null },
      { status: 'stored', storage_key: kept.key },
    ]);
    // Webhook events go after 30 days: both of these are older.
    expect(await knex()('whatsapp_webhook_events').count('* as n').first()).to.deep.equal({ n: 0 });
  });

  it('deletes webhook events older than 30 days and keeps younger ones', async () => {
    const ctx = testContainer();
    const now = ctx.clock.now().getTime();
    const tenant = await aTenant();
    await aMessageTrail(ctx, tenant.id, new Date(now - 30 * DAY - 60_000), 'a month ago');
    await aMessageTrail(ctx, tenant.id, new Date(now - 30 * DAY + 60_000), 'within the month');
    const summary = await runJob(ctx, 'retention');
    expect(summary).to.include({ messages: 0, webhookEvents: 1 });
    const left = await knex()('whatsapp_webhook_events').select('payload');
    expect(left.map((r) => r.payload)).to.deep.equal([{ text: 'within the month' }]);
  });

  it('walks many rows in batches and a second run finds nothing left', async () => {
    const ctx = testContainer({ WHATSAPP_MESSAGE_RETENTION_DAYS: '1' });
    const tenant = await aTenant();
    const at = new Date(ctx.clock.now().getTime() - 2 * DAY);
    await knex().raw(
      `INSERT INTO whatsapp_messages (tenant_id, direction, type, content, status, created_at)
       SELECT ?, 'OUTBOUND', 'text', jsonb_build_object('text', 'n' || g), 'sent', ?::timestamptz + g * interval '1 ms'
         FROM generate_series(1, 1203) g`,
      [tenant.id, at],
    );
    expect(await runJob(ctx, 'retention')).to.include({ messages: 1203 });
    ctx.clock.advance(60_000);
    expect(await runJob(ctx, 'retention')).to.include({ messages: 0 });
    const left = await knex()('whatsapp_messages').whereRaw(`content->>'redacted' IS NULL`).count('* as n');
    expect(Number(left[0].n)).to.equal(0);
  });
});
