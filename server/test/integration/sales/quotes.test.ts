import { expect } from 'chai';
import type { ApproveQuote } from '../../../src/modules/booking/application/ApproveQuote';
import type { CreateQuote } from '../../../src/modules/booking/application/CreateQuote';
import { BusinessRuleError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aCustomerPhone, aLead, setApprovalThreshold, staffActor } from '../../support/salesBuilders';
import { businessSnapshot, queuedTo, salesContext, timelineActions } from './salesTestKit';

describe('quotes', () => {
  async function setUp(threshold?: string) {
    const { get, clock } = salesContext();
    let tenant = await aTenant();
    if (threshold) tenant = await setApprovalThreshold(tenant, threshold);
    const rep = await aUser(tenant);
    const manager = await aUser(tenant, { role: 'manager' });
    const customerPhone = aCustomerPhone();
    const lead = await aLead(tenant, { customerPhone, customerName: 'Ana', assignedTo: rep.id });
    const quote = {
      actor: staffActor(rep),
      leadId: lead.ref,
      amount: '1500',
      currency: 'usd',
      description: 'Torres del Paine, 5 days',
    };
    return { get, clock, tenant, rep, manager, lead, customerPhone, quote };
  }

  it('sends a quote under the threshold to the customer and marks the lead quoted', async () => {
    const { get, lead, customerPhone, quote, manager } = await setUp();
    const created = await get<CreateQuote>(TYPES.CreateQuote).execute(quote);
    expect(created).to.include({ ref: 'Q-1', amount: '1500.00', currency: 'USD', status: 'sent' });
    const [message] = await queuedTo(customerPhone);
    expect(message.template).to.deep.equal({
      name: 'quote_ready',
      language: 'en',
      params: ['Ana', 'Q-1', '1500.00 USD', 'Torres del Paine, 5 days'],
    });
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({ status: 'quoted' });
    expect(await timelineActions(lead.id)).to.deep.equal(['QUOTE_SENT']);
    expect(await queuedTo(manager.phone)).to.deep.equal([]);
  });

  it('holds a quote over the threshold for approval, alerting every active manager', async () => {
    const { get, tenant, lead, customerPhone, quote, manager } = await setUp('1000.00');
    const retired = await aUser(tenant, { role: 'manager' });
    await testDb().knex('users').where({ id: retired.id }).update({ active: false });
    const created = await get<CreateQuote>(TYPES.CreateQuote).execute(quote);
    expect(created.status).to.equal('pending_approval');
    expect(await queuedTo(customerPhone)).to.deep.equal([]);
    const [alert] = await queuedTo(manager.phone);
    expect(alert.text).to.include('APPROVE Q-1');
    expect(await queuedTo(retired.phone)).to.deep.equal([]);
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({ status: 'new' });
    expect(await timelineActions(lead.id)).to.deep.equal(['QUOTE_CREATED']);
  });

  it('sends an approved quote, recording who approved it and when', async () => {
    const { get, clock, lead, customerPhone, quote, manager } = await setUp('1000.00');
    await get<CreateQuote>(TYPES.CreateQuote).execute(quote);
    const approved = await get<ApproveQuote>(TYPES.ApproveQuote).execute({
      actor: staffActor(manager),
      quoteRef: 'q-1',
    });
    expect(approved.status).to.equal('sent');
    const row = await testDb().knex('quotes').where({ ref: 'Q-1' }).first();
    expect(row).to.include({ status: 'sent', approved_by: manager.id });
    expect(row.approved_at.toISOString()).to.equal(clock.now().toISOString());
    const [message] = await queuedTo(customerPhone);
    expect(message.template?.params).to.deep.equal(['Ana', 'Q-1', '1500.00 USD', 'Torres del Paine, 5 days']);
    expect(await testDb().knex('leads').where({ id: lead.id }).first()).to.include({ status: 'quoted' });
    expect(await timelineActions(lead.id)).to.include('QUOTE_APPROVED');
    expect(await testDb().knex('whatsapp_audit_logs').where({ action: 'QUOTE_APPROVED' })).to.have.length(1);
  });

  it('refuses to approve a quote that is not waiting for approval', async () => {
    const { get, quote, manager } = await setUp();
    const created = await get<CreateQuote>(TYPES.CreateQuote).execute(quote);
    const error = await get<ApproveQuote>(TYPES.ApproveQuote)
      .execute({ actor: staffActor(manager), quoteId: created.id })
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BusinessRuleError).with.property('code', 'QUOTE_NOT_PENDING');
  });

  it('refuses malformed money, naming the field and writing nothing', async () => {
    const { get, quote } = await setUp();
    const before = await businessSnapshot();
    const cases = [
      { amount: '0', field: 'amount' },
      { amount: '12.345', field: 'amount' },
      { amount: '-5', field: 'amount' },
      { currency: 'US', field: 'currency' },
      { description: '  ', field: 'description' },
    ];
    for (const { field, ...change } of cases) {
      const error = await get<CreateQuote>(TYPES.CreateQuote)
        .execute({ ...quote, ...change })
        .catch((e: unknown) => e);
      expect((error as ValidationError).fields[0].field).to.equal(field);
    }
    expect(await businessSnapshot()).to.deep.equal(before);
  });

  it('refuses to quote a closed lead', async () => {
    const { get, tenant, quote } = await setUp();
    const lost = await aLead(tenant, { status: 'lost' });
    const error = await get<CreateQuote>(TYPES.CreateQuote)
      .execute({ ...quote, leadId: lost.id })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'LEAD_CLOSED');
  });
});
