import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import type { CreateTemplate } from '../../../src/modules/template/application/CreateTemplate';
import type { DeleteTemplate } from '../../../src/modules/template/application/DeleteTemplate';
import type { SyncTemplates } from '../../../src/modules/template/application/SyncTemplates';
import type { UpdateTemplate } from '../../../src/modules/template/application/UpdateTemplate';
import type { TemplateRepository } from '../../../src/modules/template/domain/TemplateRepository';
import { TYPES } from '../../../src/types';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { signMetaBody } from '../../../src/whatsapp/inbound/metaSignature';
import { InboxProcessor } from '../../../src/whatsapp/inbox/InboxProcessor';
import { aTenant, aUser } from '../../support/builders';
import { runJob } from '../jobs/jobsTestKit';
import { httpStatus } from '../../support/fakeFailures';
import { decide } from '../../support/fakeTemplateChanges';
import { testDb } from '../../support/integrationHooks';
import { anActor } from '../../support/tripBuilders';
import {
  aDefinition,
  configureMeta,
  metaTemplateKit,
  WABA_ID,
  type MetaTemplateKit,
} from './templateTestKit';

const statusEvent = (id: string, name: string, event: string, reason = 'NONE') =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: WABA_ID,
        time: 1789012845,
        changes: [
          {
            field: 'message_template_status_update',
            value: {
              event,
              message_template_id: Number(id),
              message_template_name: name,
              message_template_language: 'en',
              reason,
            },
          },
        ],
      },
    ],
  });

describe('templates on Meta (against a fake Graph API)', () => {
  let kit: MetaTemplateKit;
  let tenantId: string;
  let ops: Actor;
  const templates = () => kit.container.get<TemplateRepository>(TYPES.TemplateRepository);
  const create = (overrides = {}) =>
    kit.container
      .get<CreateTemplate>(TYPES.CreateTemplate)
      .execute({ actor: ops, template: aDefinition(overrides) });

  beforeEach(async () => {
    kit = await metaTemplateKit();
    const tenant = await aTenant();
    tenantId = tenant.id;
    await configureMeta(kit.container, tenant);
    ops = anActor(await aUser(tenant, { role: 'operations' }));
  });
  afterEach(() => kit.fake.close());

  it('submits a new template and keeps it PENDING with the provider id', async () => {
    const template = await create();
    expect(template.status).to.equal('PENDING');
    expect(template.providerTemplateId).to.equal(kit.fake.templates.existing[0].id);
    const [submission] = kit.fake.requests.filter((r) => r.method === 'POST');
    expect(submission.path).to.equal(`/v25.0/${WABA_ID}/message_templates`);
    expect(JSON.parse(submission.body.toString())).to.deep.equal({
      name: 'trip_reminder',
      language: 'en',
      category: 'UTILITY',
      components: [
        {
          type: 'BODY',
          text: 'Hi {{1}}, trip {{2}} leaves tomorrow.',
          example: { body_text: [['Ana', 'TRP123']] },
        },
      ],
    });
  });

  it('becomes APPROVED when the template-status webhook says so', async () => {
    const template = await create();
    const body = statusEvent(template.providerTemplateId!, template.name, 'APPROVED');
    await request(createApp(kit.container))
      .post('/api/whatsapp/webhook')
      .set('content-type', 'application/json')
      .set('x-hub-signature-256', signMetaBody(body, 'templates-secret'))
      .send(body)
      .expect(200);
    await kit.container.get(InboxProcessor).drain();
    expect((await templates().findById(tenantId, template.id))?.status).to.equal('APPROVED');
  });

  it('becomes APPROVED or REJECTED (with the reason) through sync, across pages', async () => {
    const approved = await create({ name: 'first_one' });
    const rejected = await create({ name: 'second_one' });
    const waiting = await create({ name: 'third_one' });
    decide(kit.fake, 'first_one', 'APPROVED');
    decide(kit.fake, 'second_one', 'REJECTED', 'INVALID_FORMAT');
    const summary = await kit.container.get<SyncTemplates>(TYPES.SyncTemplates).execute({ actor: ops });
    expect(summary).to.deep.equal({ tenants: 1, updated: 2, imported: 0, missing: 0 });
    expect((await templates().findById(tenantId, approved.id))?.status).to.equal('APPROVED');
    const stored = await templates().findById(tenantId, rejected.id);
    expect([stored?.status, stored?.rejectionReason]).to.deep.equal(['REJECTED', 'INVALID_FORMAT']);
    expect((await templates().findById(tenantId, waiting.id))?.status).to.equal('PENDING');
    const lists = kit.fake.requests.filter((r) => r.method === 'GET');
    expect(lists.map((r) => r.query.get('after'))).to.deep.equal([null, '2']);
  });

  it("imports templates made in the provider's tools and disables the ones it deleted", async () => {
    const gone = await create({ name: 'gone_one' });
    kit.fake.templates.existing.splice(0);
    kit.fake.templates.existing.push({
      id: '777000111',
      name: 'made_elsewhere',
      language: 'es_AR',
      category: 'MARKETING',
      status: 'APPROVED',
      components: [{ type: 'BODY', text: 'Hola {{1}}, gracias.', example: { body_text: [['Ana']] } }],
    });
    const summary = await kit.container.get<SyncTemplates>(TYPES.SyncTemplates).run();
    expect(summary).to.deep.equal({ tenants: 1, updated: 0, imported: 1, missing: 1, failed: 0 });
    expect((await templates().findById(tenantId, gone.id))?.status).to.equal('DISABLED');
    const imported = await templates().findByNameAndLanguage(tenantId, 'made_elsewhere', 'es_AR');
    expect(imported).to.include({ status: 'APPROVED', category: 'MARKETING' });
    expect(imported?.parameters.body).to.equal(1);
  });

  it('runs as the template-sync job', async () => {
    const template = await create();
    decide(kit.fake, template.name, 'APPROVED');
    expect(await runJob(kit, 'template-sync')).to.deep.equal({
      tenants: 1,
      updated: 1,
      imported: 0,
      missing: 0,
      failed: 0,
    });
    expect((await templates().findById(tenantId, template.id))?.status).to.equal('APPROVED');
  });

  it('stores nothing and says why when the provider refuses', async () => {
    kit.fake.templates.existing.push({
      id: '777000222',
      name: 'trip_reminder',
      language: 'en',
      category: 'UTILITY',
      status: 'APPROVED',
      components: [],
    });
    const error = await create().catch((e: unknown) => e);
    expect(error).to.include({ code: 'TEMPLATE_REFUSED' });
    expect((error as Error).message).to.contain('Invalid parameter');
    expect(error).to.have.nested.property('details.providerCode', '100');
    expect(await testDb().knex('whatsapp_templates')).to.have.length(0);
  });

  it('answers UNAVAILABLE when the provider is down, and PROVIDER_AUTH for a bad token', async () => {
    kit.fake.outbound.failNext('templates', httpStatus(503));
    expect(await create().catch((e: unknown) => e)).to.include({ code: 'UNAVAILABLE' });
    await testDb().knex('whatsapp_configurations').where({ tenant_id: tenantId }).delete();
    await kit.container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository).save({
      tenantId,
      provider: 'meta',
      businessAccountId: WABA_ID,
      credentials: { accessToken: 'expired' },
      settings: {},
    });
    expect(await create().catch((e: unknown) => e)).to.include({ code: 'PROVIDER_AUTH' });
  });

  it('sends an edit back to review and deletes only that language at the provider', async () => {
    const template = await create();
    decide(kit.fake, 'trip_reminder', 'APPROVED');
    await kit.container.get<SyncTemplates>(TYPES.SyncTemplates).syncTenant(tenantId);
    const edited = await kit.container
      .get<UpdateTemplate>(TYPES.UpdateTemplate)
      .execute({ actor: ops, id: template.id, changes: { footer: 'Thanks' } });
    expect(edited.status).to.equal('PENDING');
    expect(kit.fake.templates.existing[0].components).to.deep.include({ type: 'FOOTER', text: 'Thanks' });
    await kit.container.get<DeleteTemplate>(TYPES.DeleteTemplate).execute({ actor: ops, id: template.id });
    const deletion = kit.fake.requests.find((r) => r.method === 'DELETE');
    expect([deletion?.query.get('name'), deletion?.query.get('hsm_id')]).to.deep.equal([
      'trip_reminder',
      template.providerTemplateId,
    ]);
    expect(kit.fake.templates.existing).to.have.length(0);
    expect(await testDb().knex('whatsapp_templates')).to.have.length(0);
  });
});
