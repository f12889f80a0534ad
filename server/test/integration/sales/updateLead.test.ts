import { expect } from 'chai';
import type { UpdateLead } from '../../../src/modules/lead/application/UpdateLead';
import { BusinessRuleError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aLead, staffActor } from '../../support/salesBuilders';
import { count, queuedTo, salesContext } from './salesTestKit';

describe('UpdateLead', () => {
  async function setUp(status: 'new' | 'contacted' | 'quoted' | 'lost' = 'new') {
    const { get } = salesContext();
    const tenant = await aTenant();
    const rep = await aUser(tenant);
    const lead = await aLead(tenant, { status, assignedTo: rep.id });
    return { update: get<UpdateLead>(TYPES.UpdateLead), tenant, rep, lead, actor: staffActor(rep) };
  }

  it('moves a lead forward, with a status change on its timeline and an audit entry', async () => {
    const { update, lead, actor } = await setUp();
    const updated = await update.execute({ actor, leadId: lead.ref, status: 'contacted' });
    expect(updated.status).to.equal('contacted');
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({ status: 'contacted' });
    const entry = await testDb().knex('timeline_entries').where({ entity_id: lead.id }).first();
    expect(entry).to.include({ event_type: 'STATUS_CHANGE', source: 'WEB', actor: actor.userId });
    expect(entry.content).to.deep.equal({ action: 'LEAD_STATUS_CHANGED', from: 'new', to: 'contacted' });
    expect(await count('whatsapp_audit_logs', { action: 'LEAD_UPDATED', entity_id: lead.id })).to.equal(1);
  });

  it('refuses to move a lead back, or to touch a closed one', async () => {
    const quoted = await setUp('quoted');
    const back = await quoted.update
      .execute({ actor: quoted.actor, leadId: quoted.lead.id, status: 'contacted' })
      .catch((e: unknown) => e);
    expect(back).to.be.instanceOf(BusinessRuleError).with.property('code', 'LEAD_TRANSITION_INVALID');
    const lost = await setUp('lost');
    const reopen = await lost.update
      .execute({ actor: lost.actor, leadId: lost.lead.id, status: 'new' })
      .catch((e: unknown) => e);
    expect(reopen).to.be.instanceOf(BusinessRuleError).with.property('code', 'LEAD_CLOSED');
  });

  it('leaves conversion to the booking', async () => {
    const { update, lead, actor } = await setUp();
    const error = await update
      .execute({ actor, leadId: lead.id, status: 'converted' })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'LEAD_CONVERT_NEEDS_BOOKING');
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({ status: 'new' });
  });

  it('hands the lead to an active manager and tells them', async () => {
    const { update, tenant, lead, actor } = await setUp();
    const manager = await aUser(tenant, { role: 'manager' });
    const updated = await update.execute({ actor, leadId: lead.id, assignedTo: manager.id });
    expect(updated.assignedTo).to.equal(manager.id);
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({
      assigned_to: manager.id,
    });
    const [alert] = await queuedTo(manager.phone);
    expect(alert.text).to.include(`Lead ${lead.ref}`);
  });

  it('refuses an assignee who is inactive, not in sales, from another tenant or not an id', async () => {
    const { update, tenant, lead, actor } = await setUp();
    const inactive = await aUser(tenant);
    await testDb().knex('users').where({ id: inactive.id }).update({ active: false });
    const ops = await aUser(tenant, { role: 'operations' });
    const stranger = await aUser(await aTenant());
    for (const assignedTo of [inactive.id, ops.id, stranger.id, 'not-a-uuid']) {
      const error = await update.execute({ actor, leadId: lead.id, assignedTo }).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fields[0].field).to.equal('assignedTo');
    }
    expect(await count('timeline_entries')).to.equal(0);
  });

  it('names the field of an unknown status', async () => {
    const { update, lead, actor } = await setUp();
    const error = await update.execute({ actor, leadId: lead.id, status: 'won' }).catch((e: unknown) => e);
    expect((error as ValidationError).fields[0].field).to.equal('status');
  });
});
