import { expect } from 'chai';
import type { AddBroadcastListMembers } from '../../../src/modules/broadcast/application/AddBroadcastListMembers';
import type { CreateBroadcastList } from '../../../src/modules/broadcast/application/CreateBroadcastList';
import type { ListBroadcastLists } from '../../../src/modules/broadcast/application/ListBroadcastLists';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';
import { anActor } from '../../support/tripBuilders';

describe('broadcast lists', () => {
  let container: ReturnType<typeof testContainer>['container'];
  beforeEach(() => ({ container } = testContainer()));

  it('normalises members so one customer written three ways is one member', async () => {
    const tenant = await aTenant({ defaultRegion: 'AR' });
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const list = await container.get<CreateBroadcastList>(TYPES.CreateBroadcastList).execute({
      actor: ops,
      name: 'December trekkers',
      members: [{ phone: '11 1234-5678', name: 'Ana' }, { phone: '+54 9 11 1234-5678' }],
    });
    expect(list).to.include({ name: 'December trekkers', memberCount: 1 });
    const added = await container.get<AddBroadcastListMembers>(TYPES.AddBroadcastListMembers).execute({
      actor: ops,
      listId: list.id,
      members: [{ phone: '5491112345678' }, { phone: '+14155550123' }],
    });
    expect(added).to.deep.equal({ listId: list.id, added: 1, alreadyMembers: 1 });
    const members = await testDb()
      .knex('whatsapp_broadcast_list_members')
      .where({ list_id: list.id })
      .orderBy('phone');
    expect(members.map((m) => [m.phone, m.name])).to.deep.equal([
      ['+14155550123', null],
      ['+5491112345678', 'Ana'],
    ]);
  });

  it('refuses invalid phones by position, adding none of the call', async () => {
    const tenant = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const list = await container
      .get<CreateBroadcastList>(TYPES.CreateBroadcastList)
      .execute({ actor: ops, name: 'x' });
    const error = await container
      .get<AddBroadcastListMembers>(TYPES.AddBroadcastListMembers)
      .execute({ actor: ops, listId: list.id, members: [{ phone: '+14155550123' }, { phone: 'call me' }] })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'VALIDATION_FAILED');
    expect(error).to.have.nested.property('details.fields[0].field', 'members[1].phone');
    expect(await testDb().knex('whatsapp_broadcast_list_members')).to.have.length(0);
  });

  it('refuses a duplicate name, a sales rep, and an unknown list', async () => {
    const tenant = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const create = container.get<CreateBroadcastList>(TYPES.CreateBroadcastList);
    await create.execute({ actor: ops, name: 'VIP' });
    expect(await create.execute({ actor: ops, name: 'VIP' }).catch((e: unknown) => e)).to.have.property(
      'code',
      'BROADCAST_LIST_EXISTS',
    );
    const sales = anActor(await aUser(tenant, { role: 'sales' }));
    expect(await create.execute({ actor: sales, name: 'Mine' }).catch((e: unknown) => e)).to.have.property(
      'code',
      'PERMISSION_DENIED',
    );
    const unknown = await container
      .get<AddBroadcastListMembers>(TYPES.AddBroadcastListMembers)
      .execute({ actor: ops, listId: 'nope', members: [{ phone: '+14155550123' }] })
      .catch((e: unknown) => e);
    expect(unknown).to.have.property('code', 'NOT_FOUND');
  });

  it("lists the tenant's lists by name, page by page, with member counts", async () => {
    const tenant = await aTenant();
    const other = await aTenant();
    const ops = anActor(await aUser(tenant, { role: 'operations' }));
    const create = container.get<CreateBroadcastList>(TYPES.CreateBroadcastList);
    await create.execute({ actor: anActor(await aUser(other, { role: 'manager' })), name: 'Theirs' });
    await create.execute({ actor: ops, name: 'b list', members: [{ phone: '+14155550123' }] });
    await create.execute({ actor: ops, name: 'a list' });
    await create.execute({ actor: ops, name: 'c list' });
    const list = container.get<ListBroadcastLists>(TYPES.ListBroadcastLists);
    const first = await list.execute({ actor: ops, limit: 2 });
    expect(first.data.map((l) => [l.name, l.memberCount])).to.deep.equal([
      ['a list', 0],
      ['b list', 1],
    ]);
    const second = await list.execute({ actor: ops, limit: 2, cursor: first.nextCursor });
    expect([second.data.map((l) => l.name), second.nextCursor]).to.deep.equal([['c list'], undefined]);
  });

  describe('audit', () => {
    const entries = (tenantId: string) =>
      testDb()
        .knex('whatsapp_audit_logs')
        .where({ tenant_id: tenantId })
        .orderBy('created_at')
        .select('actor', 'action', 'entity_type', 'entity_id', 'details');

    it('records BROADCAST_LIST_CREATED and BROADCAST_LIST_MEMBERS_ADDED with counts, never phones', async () => {
      const tenant = await aTenant();
      const ops = anActor(await aUser(tenant, { role: 'operations' }));
      const list = await container.get<CreateBroadcastList>(TYPES.CreateBroadcastList).execute({
        actor: ops,
        name: 'VIP',
        members: [{ phone: '+14155550123', name: 'Ana' }],
      });
      await container.get<AddBroadcastListMembers>(TYPES.AddBroadcastListMembers).execute({
        actor: ops,
        listId: list.id,
        members: [{ phone: '+14155550123' }, { phone: '+14155550124' }],
      });
      const rows = await entries(tenant.id);
      const audited = { actor: ops.userId, entity_type: 'broadcast_list', entity_id: list.id };
      expect(rows).to.deep.equal([
        { ...audited, action: 'BROADCAST_LIST_CREATED', details: { name: 'VIP', members: 1 } },
        { ...audited, action: 'BROADCAST_LIST_MEMBERS_ADDED', details: { added: 1 } },
      ]);
      expect(JSON.stringify(rows)).not.to.include('4155550123').and.not.include('Ana');
    });

    it('records nothing when creating or adding fails, and the list is rolled back with it', async () => {
      const tenant = await aTenant();
      const ops = anActor(await aUser(tenant, { role: 'operations' }));
      const create = container.get<CreateBroadcastList>(TYPES.CreateBroadcastList);
      const add = container.get<AddBroadcastListMembers>(TYPES.AddBroadcastListMembers);
      const invalid = await create
        .execute({ actor: ops, name: 'Half made', members: [{ phone: 'call me' }] })
        .catch((e: unknown) => e);
      expect(invalid).to.have.property('code', 'VALIDATION_FAILED');
      expect(await testDb().knex('whatsapp_broadcast_lists').where({ tenant_id: tenant.id })).to.have.length(
        0,
      );
      const list = await create.execute({ actor: ops, name: 'VIP' });
      await create.execute({ actor: ops, name: 'VIP' }).catch((e: unknown) => e);
      const sales = anActor(await aUser(tenant, { role: 'sales' }));
      await create.execute({ actor: sales, name: 'Mine' }).catch((e: unknown) => e);
      await add
        .execute({ actor: ops, listId: list.id, members: [{ phone: '+14155550123' }, { phone: 'nope' }] })
        .catch((e: unknown) => e);
      await add
        .execute({
          actor: ops,
          listId: '00000000-0000-4000-8000-000000000000',
          members: [{ phone: '+14155550123' }],
        })
        .catch((e: unknown) => e);
      expect((await entries(tenant.id)).map((r) => r.action)).to.deep.equal(['BROADCAST_LIST_CREATED']);
    });
  });
});
