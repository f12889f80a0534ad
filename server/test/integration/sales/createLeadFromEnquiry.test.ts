import { expect } from 'chai';
import type { AppendToLead } from '../../../src/modules/lead/application/AppendToLead';
import type { CreateLeadFromEnquiry } from '../../../src/modules/lead/application/CreateLeadFromEnquiry';
import { NotFoundError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aConversation, aCustomerPhone } from '../../support/salesBuilders';
import { count, queuedTo, salesContext, timelineActions } from './salesTestKit';

const DASHBOARD_LEADS = `SELECT COUNT(*) FROM timeline_entries WHERE event_type = 'SYSTEM'
  AND content->>'action' = 'LEAD_CREATED' AND source = 'WHATSAPP'`;

describe('CreateLeadFromEnquiry', () => {
  async function setUp() {
    const { get } = salesContext();
    const tenant = await aTenant();
    const rep = await aUser(tenant, { name: 'Rita' });
    const phone = aCustomerPhone();
    const enquiry = {
      tenantId: tenant.id,
      customerPhone: phone,
      customerName: 'Ana',
      text: 'Hola! Somos 2 personas, queremos ir en diciembre',
      partySize: 2,
      travelMonth: 'December',
      conversationId: await aConversation(tenant, phone),
      source: 'WHATSAPP' as const,
    };
    return {
      create: get<CreateLeadFromEnquiry>(TYPES.CreateLeadFromEnquiry),
      get,
      tenant,
      rep,
      phone,
      enquiry,
    };
  }

  it('opens LD-1 with the enquiry, assigns the rep, alerts them and counts on the dashboard', async () => {
    const { create, rep, phone, enquiry } = await setUp();
    const { lead, created } = await create.execute(enquiry);
    expect(created).to.equal(true);
    const row = await testDb().knex('leads').where({ id: lead.id }).first();
    expect(row).to.include({
      ref: 'LD-1',
      status: 'new',
      customer_phone: phone,
      customer_name: 'Ana',
      summary: enquiry.text,
      party_size: 2,
      travel_month: 'December',
      assigned_to: rep.id,
      conversation_id: enquiry.conversationId,
    });
    const [entry] = await testDb().knex('timeline_entries').where({ entity_id: lead.id });
    expect(entry).to.include({ entity_type: 'lead', event_type: 'SYSTEM', source: 'WHATSAPP' });
    expect(entry.content).to.deep.equal({
      action: 'LEAD_CREATED',
      text: enquiry.text,
      partySize: 2,
      travelMonth: 'December',
    });
    expect(Number((await testDb().knex.raw(DASHBOARD_LEADS)).rows[0].count)).to.equal(1);
    const alerts = await queuedTo(rep.phone);
    expect(alerts).to.have.length(1);
    expect(alerts[0]).to.include({ purpose: 'notification' });
    expect(alerts[0].text).to.equal(`New lead LD-1 from Ana (${phone}): ${enquiry.text}`);
    expect(await count('whatsapp_audit_logs', { action: 'LEAD_CREATED', entity_id: lead.id })).to.equal(1);
  });

  it('returns the open lead to a second enquiry from the same customer', async () => {
    const { create, rep, enquiry } = await setUp();
    const first = await create.execute(enquiry);
    const second = await create.execute({ ...enquiry, text: 'y cuánto sale?' });
    expect(second.created).to.equal(false);
    expect(second.lead.id).to.equal(first.lead.id);
    expect(await count('leads')).to.equal(1);
    expect(await queuedTo(rep.phone)).to.have.length(1);
  });

  it('opens a new lead once the previous one is closed', async () => {
    const { create, enquiry } = await setUp();
    const first = await create.execute(enquiry);
    await testDb().knex('leads').where({ id: first.lead.id }).update({ status: 'lost' });
    const second = await create.execute(enquiry);
    expect(second.created).to.equal(true);
    expect(second.lead.ref).to.equal('LD-2');
  });

  it('makes exactly one lead of five concurrent enquiries from a new customer', async () => {
    const { create, rep, enquiry } = await setUp();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => create.execute({ ...enquiry, text: `message ${n}` })),
    );
    expect(new Set(results.map((r) => r.lead.id)).size).to.equal(1);
    expect(results.filter((r) => r.created)).to.have.length(1);
    expect(await count('leads')).to.equal(1);
    expect(await count('timeline_entries', { event_type: 'SYSTEM' })).to.equal(1);
    expect(await queuedTo(rep.phone)).to.have.length(1);
  });

  it('gives concurrent leads of different customers distinct refs', async () => {
    const { create, enquiry } = await setUp();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, n) =>
        create.execute({
          ...enquiry,
          customerPhone: `+5491155500${String(n).padStart(3, '0')}`,
          conversationId: undefined,
        }),
      ),
    );
    expect(results.every((r) => r.created)).to.equal(true);
    const refs = results.map((r) => r.lead.ref).sort();
    expect(new Set(refs).size).to.equal(12);
    const rows = await testDb().knex('leads').select('ref');
    expect(rows.map((r: { ref: string }) => r.ref).sort()).to.deep.equal(refs);
  });

  it('refuses a party size that is not a whole positive number, writing nothing', async () => {
    const { create, enquiry } = await setUp();
    const error = await create.execute({ ...enquiry, partySize: 2.5 }).catch((e: unknown) => e);
    expect(error).to.have.property('code', 'VALIDATION_FAILED');
    expect(await count('leads')).to.equal(0);
  });

  describe('AppendToLead', () => {
    it("puts a follow-up on the lead's timeline as a customer message", async () => {
      const { create, get, tenant, enquiry } = await setUp();
      const { lead } = await create.execute(enquiry);
      await get<AppendToLead>(TYPES.AppendToLead).execute({
        tenantId: tenant.id,
        lead: lead.id,
        messageId: 'msg-2',
        text: 'somos 3 al final',
        source: 'WHATSAPP',
      });
      expect(await timelineActions(lead.id)).to.deep.equal(['LEAD_CREATED', 'CUSTOMER_MESSAGE']);
      const entry = await testDb()
        .knex('timeline_entries')
        .where({ entity_id: lead.id, event_type: 'MESSAGE' })
        .first();
      expect(entry.content).to.deep.equal({
        action: 'CUSTOMER_MESSAGE',
        messageId: 'msg-2',
        text: 'somos 3 al final',
      });
      expect(entry.actor).to.equal(`customer:${enquiry.customerPhone}`);
    });

    it("refuses another tenant's lead", async () => {
      const { create, get, enquiry } = await setUp();
      const { lead } = await create.execute(enquiry);
      const other = await aTenant();
      const error = await get<AppendToLead>(TYPES.AppendToLead)
        .execute({ tenantId: other.id, lead: lead.id, messageId: 'm', text: 'x', source: 'WHATSAPP' })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NotFoundError);
    });
  });
});
