import { expect } from 'chai';
import { aUser } from '../../support/builders';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { say } from '../../support/whatsappConversation';
import { alreadyUsed, onPlan } from './usageKit';

const knex = () => testDb().knex;
const CUSTOMER = '+5491155550777';
const SEPTEMBER = '2026-09-01'; // the inbound harness's clock: 2026-09-10

describe('usage: automatic replies at the limit (SPEC §17)', () => {
  let h: InboundHarness;
  beforeEach(async () => {
    h = await inboundHarness();
    await onPlan(h.tenantId, 'professional');
  });

  it('still opens the lead and alerts the rep, but the reply to the customer is not sent (audited)', async () => {
    const rep = await aUser({ id: h.tenantId } as Parameters<typeof aUser>[0], { role: 'sales' });
    await alreadyUsed(h.tenantId, SEPTEMBER, 'messages', 1_000);
    await say(h, CUSTOMER, 'Hola! Somos 4 personas, queremos ir a Iguazú en marzo');
    const lead = await knex()('leads').where({ tenant_id: h.tenantId }).first('ref', 'customer_phone');
    expect(lead).to.include({ customer_phone: CUSTOMER });
    const replies = await knex()('whatsapp_messages').where({
      customer_phone: CUSTOMER,
      direction: 'OUTBOUND',
    });
    expect(
      replies.map((r: { status: string; error_code: string }) => [r.status, r.error_code]),
    ).to.deep.equal([['failed', 'LIMIT_REACHED']]);
    const repAlerts = await knex()('whatsapp_messages').where({
      customer_phone: rep.phone,
      direction: 'OUTBOUND',
    });
    expect(repAlerts.map((r: { status: string }) => r.status)).to.deep.equal(['queued']);
    const audit = await knex()('whatsapp_audit_logs').where({
      tenant_id: h.tenantId,
      action: 'MESSAGE_LIMIT_REACHED',
    });
    expect(audit).to.have.length(1);
    const counted = await knex()('usage_counters')
      .where({ tenant_id: h.tenantId, counter: 'messages' })
      .first('used');
    expect(counted.used).to.equal(1_000);
  });
});
