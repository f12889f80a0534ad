import { expect } from 'chai';
import type { CreateTemplate } from '../../../src/modules/template/application/CreateTemplate';
import type { DeleteTemplate } from '../../../src/modules/template/application/DeleteTemplate';
import type { ListTemplates } from '../../../src/modules/template/application/ListTemplates';
import type { UpdateTemplate } from '../../../src/modules/template/application/UpdateTemplate';
import type { TemplateRepository } from '../../../src/modules/template/domain/TemplateRepository';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';
import { anActor } from '../../support/tripBuilders';
import { aDefinition } from './templateTestKit';

describe('templates on the console provider', () => {
  let container: ReturnType<typeof testContainer>['container'];
  beforeEach(() => ({ container } = testContainer()));
  const create = () => container.get<CreateTemplate>(TYPES.CreateTemplate);

  it('approves a new template at once and stores it in the Cloud API shape', async () => {
    const tenant = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const template = await create().execute({ actor: ops, template: aDefinition({ language: 'en-US' }) });
    expect(template.status).to.equal('APPROVED');
    const row = await testDb().knex('whatsapp_templates').where({ id: template.id }).first();
    expect(row).to.include({
      name: 'trip_reminder',
      language: 'en_US',
      category: 'UTILITY',
      status: 'APPROVED',
    });
    expect(row.components).to.deep.equal([
      {
        type: 'BODY',
        text: 'Hi {{1}}, trip {{2}} leaves tomorrow.',
        example: { body_text: [['Ana', 'TRP123']] },
      },
    ]);
    const audit = await testDb().knex('whatsapp_audit_logs').where({ tenant_id: tenant.id }).first();
    expect(audit).to.include({ action: 'TEMPLATE_CREATED', entity_id: template.id, actor: ops.userId });
  });

  it('refuses a second template with the same name and language', async () => {
    const tenant = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    await create().execute({ actor: ops, template: aDefinition() });
    const error = await create()
      .execute({ actor: ops, template: aDefinition() })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'TEMPLATE_EXISTS');
    await create().execute({ actor: ops, template: aDefinition({ language: 'es' }) });
  });

  it('refuses an invalid template and a sales rep, storing nothing', async () => {
    const tenant = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const sales = anActor(await aUser(tenant, { role: 'sales' }));
    const invalid = await create()
      .execute({ actor: ops, template: aDefinition({ name: 'Trip Reminder' }) })
      .catch((e: unknown) => e);
    expect(invalid).to.have.property('code', 'VALIDATION_FAILED');
    const refused = await create()
      .execute({ actor: sales, template: aDefinition() })
      .catch((e: unknown) => e);
    expect(refused).to.have.property('code', 'PERMISSION_DENIED');
    expect(await testDb().knex('whatsapp_templates')).to.have.length(0);
  });

  it('updates, lists page by page and deletes', async () => {
    const tenant = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const sales = anActor(await aUser(tenant, { role: 'sales' }));
    for (const name of ['a_one', 'b_two', 'c_three'])
      await create().execute({ actor: ops, template: aDefinition({ name }) });
    const list = container.get<ListTemplates>(TYPES.ListTemplates);
    const first = await list.execute({ actor: sales, limit: 2 });
    expect(first.data.map((t) => t.name)).to.deep.equal(['a_one', 'b_two']);
    const second = await list.execute({ actor: sales, limit: 2, cursor: first.nextCursor });
    expect(second.data.map((t) => t.name)).to.deep.equal(['c_three']);
    expect(second.nextCursor).to.equal(undefined);

    const updated = await container
      .get<UpdateTemplate>(TYPES.UpdateTemplate)
      .execute({ actor: ops, id: first.data[0].id, changes: { footer: 'See you soon' } });
    expect(updated.status).to.equal('APPROVED');
    const stored = await container
      .get<TemplateRepository>(TYPES.TemplateRepository)
      .findById(tenant.id, first.data[0].id);
    expect(stored?.content.footer).to.equal('See you soon');

    await container.get<DeleteTemplate>(TYPES.DeleteTemplate).execute({ actor: ops, id: first.data[0].id });
    expect((await list.execute({ actor: sales })).data.map((t) => t.name)).to.deep.equal([
      'b_two',
      'c_three',
    ]);
    const missing = await container
      .get<DeleteTemplate>(TYPES.DeleteTemplate)
      .execute({ actor: ops, id: 'not-a-uuid' })
      .catch((e: unknown) => e);
    expect(missing).to.have.property('code', 'NOT_FOUND');
  });

  it('never shows one tenant the templates of another', async () => {
    const [mine, theirs] = [await aTenant(), await aTenant()];
    await create().execute({
      actor: anActor(await aUser(theirs, { role: 'operations' })),
      template: aDefinition(),
    });
    const page = await container
      .get<ListTemplates>(TYPES.ListTemplates)
      .execute({ actor: anActor(await aUser(mine, { role: 'manager' })) });
    expect(page.data).to.deep.equal([]);
  });
});
