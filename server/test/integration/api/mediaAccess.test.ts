import crypto from 'node:crypto';
import { expect } from 'chai';
import type { AttachTripMedia } from '../../../src/modules/incident/application/AttachTripMedia';
import type { MediaStorage } from '../../../src/modules/media/domain/MediaStorage';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type { User } from '../../../src/modules/identity/domain/User';
import { TYPES } from '../../../src/types';
import { ApiClient, staff } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { anActor, anAssignment, aTrip } from '../../support/tripBuilders';

/** SPEC §3: field staff act on the trips they are assigned to; media follows the entity it is on. */
describe('REST: who may download a media file', () => {
  let api: ApiClient;
  let tenant: Tenant;
  let guide: User & { apiKey: string };

  beforeEach(async () => {
    api = new ApiClient();
    const manager = await staff('manager');
    tenant = manager.tenant;
    guide = await aUser(tenant, { role: 'field_staff' });
  });

  /** An inbound photo from `from`, downloaded and stored; returns the media id and its message id. */
  async function aStoredPhoto(from: string): Promise<{ mediaId: string; messageId: string }> {
    const [message] = await testDb()
      .knex('whatsapp_messages')
      .insert({
        tenant_id: tenant.id,
        provider_message_id: `wamid.${crypto.randomBytes(6).toString('hex')}`,
        direction: 'INBOUND',
        type: 'image',
        customer_phone: from,
        status: 'received',
      })
      .returning('id');
    const storageKey = `${tenant.id}/2026/09/${crypto.randomUUID()}.jpg`;
    await api.context.container.get<MediaStorage>(TYPES.MediaStorage).put(storageKey, Buffer.from('jpeg'));
    const [media] = await testDb()
      .knex('whatsapp_media')
      .insert({
        tenant_id: tenant.id,
        message_id: message.id,
        provider_media_id: String(Date.now()),
        mime_type: 'image/jpeg',
        status: 'stored',
        storage_key: storageKey,
        size_bytes: 4,
      })
      .returning('id');
    return { mediaId: media.id, messageId: message.id };
  }

  const fileOn = async (tripCode: string, messageId: string, by: User) =>
    api.context.container
      .get<AttachTripMedia>(TYPES.AttachTripMedia)
      .execute({ actor: anActor(by), tripCode, messageId, mediaType: 'image' });

  it('gives field staff the media filed on their trips, and refuses customers’ photos and other trips’ media (403, audited)', async () => {
    const ours = await aTrip(tenant);
    const theirs = await aTrip(tenant);
    await anAssignment(ours, guide);
    const colleague = await aUser(tenant, { role: 'field_staff' });
    await anAssignment(theirs, colleague);
    const filed = await aStoredPhoto(guide.phone);
    await fileOn(ours.code, filed.messageId, guide);
    const elsewhere = await aStoredPhoto(colleague.phone);
    await fileOn(theirs.code, elsewhere.messageId, colleague);
    const customers = await aStoredPhoto('+5491155550101');

    expect((await api.get(`/media/${filed.mediaId}`, { key: guide.apiKey })).status).to.equal(200);
    for (const media of [customers, elsewhere]) {
      const refused = await api.get(`/media/${media.mediaId}`, { key: guide.apiKey });
      expect(refused.status).to.equal(403);
      expect(refused.body).to.include({ code: 'PERMISSION_DENIED', reason: 'NOT_ON_ASSIGNED_TRIP' });
    }
    const audits = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenant.id, action: 'PERMISSION_DENIED', actor: guide.id });
    expect(audits).to.have.length(2);
  });

  it('gives the roles that read conversations any media of the tenant, and nobody another tenant’s', async () => {
    const customers = await aStoredPhoto('+5491155550101');
    for (const role of ['sales', 'operations', 'manager'] as const) {
      const { key } = await staff(role, tenant);
      expect((await api.get(`/media/${customers.mediaId}`, { key })).status, role).to.equal(200);
    }
    const stranger = await staff('manager');
    expect((await api.get(`/media/${customers.mediaId}`, { key: stranger.key })).status).to.equal(404);
  });
});
