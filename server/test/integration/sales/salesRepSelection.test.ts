import { expect } from 'chai';
import type { CreateLeadFromEnquiry } from '../../../src/modules/lead/application/CreateLeadFromEnquiry';
import type { SalesRepSelector } from '../../../src/modules/lead/domain/SalesRepSelector';
import { assignRoundRobin } from '../../../src/modules/lead/domain/assignRoundRobin';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone, aLead } from '../../support/salesBuilders';
import { queuedTo, salesContext } from './salesTestKit';

async function firstPick(selector: SalesRepSelector, tenantId: string) {
  return assignRoundRobin(await selector.loads(tenantId), 1)[0];
}

describe('sales rep selection', () => {
  const at = (time: string) => new Date(`2026-02-01T${time}:00Z`);

  it('picks the rep with the fewest open leads, however recently they were given others', async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    const [busy, free] = [await aUser(tenant), await aUser(tenant)];
    await aLead(tenant, { assignedTo: busy.id, createdAt: at('08:00') });
    for (const time of ['10:00', '11:00', '12:00'])
      await aLead(tenant, { assignedTo: free.id, status: 'lost', createdAt: at(time) });
    expect((await firstPick(get<SalesRepSelector>(TYPES.SalesRepSelector), tenant.id))?.id).to.equal(free.id);
  });

  it('among reps with as many open leads, picks the one least recently given a lead', async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    const [early, late] = [await aUser(tenant), await aUser(tenant)];
    await aLead(tenant, { assignedTo: early.id, createdAt: at('09:00') });
    await aLead(tenant, { assignedTo: late.id, createdAt: at('10:00') });
    await aLead(tenant, { assignedTo: late.id, status: 'converted', createdAt: at('07:00') });
    expect((await firstPick(get<SalesRepSelector>(TYPES.SalesRepSelector), tenant.id))?.id).to.equal(
      early.id,
    );
  });

  it('takes turns when enquiries keep coming', async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    await aUser(tenant);
    await aUser(tenant);
    const create = get<CreateLeadFromEnquiry>(TYPES.CreateLeadFromEnquiry);
    const owners: Array<string | undefined> = [];
    for (let i = 0; i < 4; i++) {
      const { lead } = await create.execute({
        tenantId: tenant.id,
        customerPhone: aCustomerPhone(),
        text: 'Hola, info del trekking',
        source: 'WHATSAPP',
      });
      owners.push(lead.assignedTo);
    }
    expect(owners[0]).to.not.equal(owners[1]);
    expect(owners.slice(2)).to.deep.equal(owners.slice(0, 2));
  });

  it('takes the same turns when a batch of enquiries arrives at once', async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    const [first, second, third] = [await aUser(tenant), await aUser(tenant), await aUser(tenant)];
    await aLead(tenant, { assignedTo: first.id, createdAt: at('08:00') });
    await aLead(tenant, { assignedTo: second.id, createdAt: at('09:00') });
    const results = await get<CreateLeadFromEnquiry>(TYPES.CreateLeadFromEnquiry).executeAll(
      Array.from({ length: 5 }, () => ({
        tenantId: tenant.id,
        customerPhone: aCustomerPhone(),
        text: 'Info please',
        source: 'WHATSAPP' as const,
      })),
    );
    // third has none open; then all have one: first (least recent), second, then third again…
    expect(results.map((r) => r.lead.assignedTo)).to.deep.equal([
      third.id,
      first.id,
      second.id,
      third.id,
      first.id,
    ]);
    expect(results.map((r) => r.created)).to.deep.equal([true, true, true, true, true]);
    const refs = results.map((r) => Number(r.lead.ref.slice(3)));
    expect(refs).to.deep.equal([...refs].sort((a, b) => a - b));
  });

  it('skips inactive reps, other roles and other tenants', async () => {
    const { get } = salesContext();
    const [tenant, other] = [await aTenant(), await aTenant()];
    const active = await aUser(tenant);
    await aLead(tenant, { assignedTo: active.id });
    await aLead(tenant, { assignedTo: active.id });
    const inactive = await aUser(tenant);
    await testDb().knex('users').where({ id: inactive.id }).update({ active: false });
    await aUser(tenant, { role: 'manager' });
    await aUser(other);
    expect((await firstPick(get<SalesRepSelector>(TYPES.SalesRepSelector), tenant.id))?.id).to.equal(
      active.id,
    );
  });

  it('leaves the lead unassigned and alerts nobody when the tenant has no active sales rep', async () => {
    const { get } = salesContext();
    const tenant = await aTenant();
    const manager = await aUser(tenant, { role: 'manager' });
    const { lead, created } = await get<CreateLeadFromEnquiry>(TYPES.CreateLeadFromEnquiry).execute({
      tenantId: tenant.id,
      customerPhone: aCustomerPhone(),
      text: 'Quiero reservar',
      source: 'WHATSAPP',
    });
    expect(created).to.equal(true);
    expect(lead.assignedTo).to.equal(undefined);
    expect(await queuedTo(manager.phone)).to.deep.equal([]);
  });
});
