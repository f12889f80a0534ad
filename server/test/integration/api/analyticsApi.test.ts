import { expect } from 'chai';
import { ANALYTICS_SQL } from '../../../src/modules/analytics/infrastructure/analyticsSummaryQuery';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { aBooking, aLead } from '../../support/salesBuilders';

const at = (iso: string) => new Date(iso);

async function aConversationAt(tenantId: string, phone: string, createdAt: string): Promise<string> {
  const [row] = await testDb()
    .knex('whatsapp_conversations')
    .insert({ tenant_id: tenantId, customer_phone: phone, status: 'closed', created_at: at(createdAt) })
    .returning('id');
  return (row as { id: string }).id;
}

async function aMessageAt(
  tenantId: string,
  conversationId: string | null,
  m: {
    direction: 'INBOUND' | 'OUTBOUND';
    createdAt: string;
    sentAt?: string;
    status?: string;
    purpose?: string;
  },
) {
  await testDb()
    .knex('whatsapp_messages')
    .insert({
      tenant_id: tenantId,
      conversation_id: conversationId,
      direction: m.direction,
      type: 'text',
      content: JSON.stringify({ purpose: m.purpose, text: 'x' }),
      status: m.status ?? (m.direction === 'INBOUND' ? 'received' : 'queued'),
      created_at: at(m.createdAt),
      sent_at: m.sentAt ? at(m.sentAt) : null,
    });
}

/** Enough rows over a year that the planner's choice reflects a real tenant, then fresh statistics. */
async function aYearOfTraffic(tenantId: string): Promise<void> {
  const knex = testDb().knex;
  const start = "timestamptz '2026-01-01T00:00:00Z' + g * interval '2 hours'";
  await knex.raw(
    `INSERT INTO whatsapp_conversations (tenant_id, customer_phone, status, created_at)
     SELECT ?, '+1555' || lpad(g::text, 7, '0'), 'expired', ${start} FROM generate_series(1, 4000) g`,
    [tenantId],
  );
  await knex.raw(
    `INSERT INTO whatsapp_messages (tenant_id, conversation_id, direction, type, content, status, created_at, sent_at)
     SELECT c.tenant_id, c.id, d.direction, 'text', jsonb_build_object('purpose', 'manual'),
            CASE WHEN d.direction = 'INBOUND' THEN 'received' ELSE 'delivered' END,
            c.created_at + d.n * interval '1 minute',
            CASE WHEN d.direction = 'OUTBOUND' THEN c.created_at + d.n * interval '1 minute' END
       FROM whatsapp_conversations c
       CROSS JOIN (VALUES (0, 'INBOUND'), (1, 'OUTBOUND'), (2, 'INBOUND'), (3, 'OUTBOUND')) AS d(n, direction)
      WHERE c.tenant_id = ?`,
    [tenantId],
  );
  await knex.raw(
    `INSERT INTO leads (tenant_id, ref, customer_phone, status, created_at)
     SELECT ?, 'LD-' || (100000 + g), '+1666' || lpad(g::text, 7, '0'), 'lost', ${start} FROM generate_series(1, 4000) g`,
    [tenantId],
  );
  await knex.raw(
    `INSERT INTO bookings (tenant_id, ref, customer_phone, party_size, amount, currency, status, created_at)
     SELECT ?, 'BK-' || (100000 + g), '+1666' || lpad(g::text, 7, '0'), 2, 100, 'USD', 'confirmed', ${start}
       FROM generate_series(1, 4000) g`,
    [tenantId],
  );
  await knex.raw('ANALYZE whatsapp_conversations, whatsapp_messages, leads, bookings, users');
}

describe('REST: analytics summary', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('counts sends, receipts, rates, median first response and the funnel for the period only', async () => {
    const { tenant, user, key } = await staff('manager');
    const t = tenant.id;
    const c1 = await aConversationAt(t, '+5491100000001', '2026-11-02T10:00:00Z');
    const c2 = await aConversationAt(t, '+5491100000002', '2026-11-03T09:00:00Z');
    const c3 = await aConversationAt(t, '+5491100000003', '2026-11-04T08:00:00Z');
    const staffChat = await aConversationAt(t, user.phone, '2026-11-05T08:00:00Z');
    const before = await aConversationAt(t, '+5491100000004', '2026-10-20T08:00:00Z');
    for (const [c, when] of [
      [c1, '2026-11-02T10:00:00Z'],
      [c2, '2026-11-03T09:00:00Z'],
      [c3, '2026-11-04T08:00:00Z'],
      [staffChat, '2026-11-05T08:00:00Z'],
      [before, '2026-10-20T08:00:00Z'],
    ])
      await aMessageAt(t, c, { direction: 'INBOUND', createdAt: when });
    const out = (c: string, createdAt: string, sentAt: string | undefined, status: string, purpose: string) =>
      aMessageAt(t, c, { direction: 'OUTBOUND', createdAt, sentAt, status, purpose });
    await out(c1, '2026-11-02T10:00:01Z', '2026-11-02T10:00:02Z', 'read', 'reply');
    await out(c1, '2026-11-02T10:02:00Z', '2026-11-02T10:02:01Z', 'delivered', 'manual');
    await out(c2, '2026-11-03T09:10:00Z', '2026-11-03T09:10:01Z', 'read', 'manual');
    await out(c3, '2026-11-04T08:00:05Z', undefined, 'queued', 'reply');
    await out(before, '2026-10-20T08:01:00Z', '2026-10-20T08:01:01Z', 'delivered', 'manual');
    await aLead(tenant, { createdAt: at('2026-11-02T10:00:00Z') });
    await aLead(tenant, { createdAt: at('2026-11-03T09:00:00Z') });
    await aLead(tenant, { createdAt: at('2026-10-20T08:00:00Z') });
    const booking = await aBooking(tenant);
    await testDb()
      .knex('bookings')
      .where({ id: booking.id })
      .update({ created_at: at('2026-11-06T12:00:00Z') });
    await aBooking(tenant); // created now: outside the period
    const other = await staff('manager');
    await aConversationAt(other.tenant.id, '+5491100000009', '2026-11-02T10:00:00Z');

    const res = await api.get('/analytics/summary', {
      key,
      query: { from: '2026-11-01T00:00:00Z', to: '2026-11-08T00:00:00Z' },
    });
    expect(res.status).to.equal(200);
    expect(res.body.messages).to.deep.equal({
      sent: 3,
      received: 4,
      delivered: 3,
      read: 2,
      deliveryRate: 1,
      readRate: 0.6667,
    });
    expect(res.body.firstResponse).to.deep.equal({ medianSeconds: 360, respondedConversations: 2 });
    expect(res.body.funnel).to.deep.equal({
      enquiries: 3,
      leads: 2,
      bookings: 1,
      enquiryToLead: 0.6667,
      leadToBooking: 0.5,
    });
  });

  it('answers an empty period with zeros and null rates; 400 for a reversed range; 403 to non-managers', async () => {
    const { tenant, key } = await staff('manager');
    const empty = await api.get('/analytics/summary', { key });
    expect(empty.body.messages).to.include({ sent: 0, deliveryRate: null });
    expect(empty.body.firstResponse.medianSeconds).to.equal(null);
    const reversed = await api.get('/analytics/summary', {
      key,
      query: { from: '2026-11-08', to: '2026-11-01' },
    });
    expect(reversed.status).to.equal(400);
    expect(reversed.body.fields[0].field).to.equal('from');
    const bad = await api.get('/analytics/summary', { key, query: { from: 'last week' } });
    expect(bad.body.fields[0].field).to.equal('from');
    expect(
      (await api.get('/analytics/summary', { key: (await staff('sales', tenant)).key })).status,
    ).to.equal(403);
  });

  it('plans every statement on the indexes migration 0006 names, over a year of traffic', async () => {
    const expected: Record<keyof typeof ANALYTICS_SQL, RegExp[]> = {
      sent: [/whatsapp_messages_outbound_sent_idx/],
      received: [/whatsapp_messages_inbound_created_idx/],
      firstResponse: [/whatsapp_conversations_tenant_created_idx/, /whatsapp_messages_conversation/],
      funnel: [
        /whatsapp_conversations_tenant_created_idx/,
        /leads_tenant_created_idx/,
        /bookings_tenant_created_idx/,
      ],
    };
    const { tenant } = await staff('manager');
    await aYearOfTraffic(tenant.id);
    const bindings = { tenant: tenant.id, from: '2026-06-01T00:00:00Z', to: '2026-06-08T00:00:00Z' };
    const db = testDb();
    for (const [name, sql] of Object.entries(ANALYTICS_SQL) as Array<[keyof typeof ANALYTICS_SQL, string]>) {
      const plan = await db.run(async () => {
        const { rows } = (await db.q.raw(`EXPLAIN ${sql}`, bindings)) as {
          rows: Array<{ 'QUERY PLAN': string }>;
        };
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      for (const index of expected[name]) expect(plan, `${name}:\n${plan}`).to.match(index);
      expect(plan, `${name}:\n${plan}`).not.to.match(/Seq Scan on whatsapp_messages/);
    }
  });
});
