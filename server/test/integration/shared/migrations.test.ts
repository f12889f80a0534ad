import { expect } from 'chai';
import { migrationSource } from '../../../../migrations';
import { migrateToLatest, migrationsAreCurrent, rollbackAll } from '../../../src/shared/db/migrate';
import { testDb } from '../../support/integrationHooks';

/** The columns SPEC §7 says reports and integrations read directly. */
const CONTRACT: Record<string, string[]> = {
  tenants: ['id', 'name', 'created_at'],
  users: ['id', 'tenant_id', 'name', 'phone', 'role', 'active'],
  whatsapp_configurations: [
    'tenant_id',
    'provider',
    'phone_number',
    'phone_number_id',
    'business_account_id',
    'credentials',
    'verify_token',
    'settings',
  ],
  whatsapp_webhook_events: [
    'id',
    'provider',
    'tenant_id',
    'payload',
    'signature',
    'received_at',
    'processed_at',
    'error',
  ],
  whatsapp_conversations: [
    'id',
    'tenant_id',
    'customer_phone',
    'customer_name',
    'state',
    'status',
    'context',
    'last_inbound_at',
    'expires_at',
    'assigned_to',
  ],
  whatsapp_messages: [
    'id',
    'tenant_id',
    'conversation_id',
    'provider_message_id',
    'direction',
    'type',
    'content',
    'status',
    'status_history',
    'error_code',
    'error_title',
    'attempts',
    'sent_at',
    'created_at',
  ],
  whatsapp_templates: [
    'id',
    'tenant_id',
    'name',
    'language',
    'category',
    'components',
    'status',
    'provider_template_id',
  ],
  whatsapp_media: [
    'id',
    'tenant_id',
    'message_id',
    'provider_media_id',
    'mime_type',
    'sha256',
    'size_bytes',
    'storage_key',
  ],
  whatsapp_opt_ins: ['tenant_id', 'phone', 'status', 'source', 'updated_at'],
  whatsapp_broadcast_lists: ['id', 'tenant_id', 'name'],
  whatsapp_audit_logs: [
    'id',
    'tenant_id',
    'actor',
    'action',
    'entity_type',
    'entity_id',
    'details',
    'created_at',
  ],
  timeline_entries: [
    'id',
    'tenant_id',
    'entity_type',
    'entity_id',
    'event_type',
    'source',
    'actor',
    'content',
    'created_at',
  ],
  leads: [
    'id',
    'tenant_id',
    'ref',
    'customer_phone',
    'customer_name',
    'status',
    'summary',
    'party_size',
    'travel_month',
    'assigned_to',
    'conversation_id',
  ],
  quotes: ['id', 'tenant_id', 'ref', 'amount', 'currency', 'description', 'status'],
  bookings: ['id', 'tenant_id', 'ref', 'trip_id', 'party_size', 'amount', 'currency', 'status'],
  payments: ['id', 'tenant_id', 'booking_id', 'amount', 'currency', 'reference'],
  trips: ['id', 'tenant_id', 'code', 'name', 'departure_date'],
  trip_assignments: ['id', 'tenant_id', 'trip_id', 'user_id'],
  incidents: ['id', 'tenant_id', 'ref', 'trip_id', 'description', 'status', 'resolution_note'],
  check_ins: ['id', 'tenant_id', 'trip_id', 'user_id', 'note'],
};

async function columnsOf(table: string): Promise<Map<string, string>> {
  const { rows } = await testDb().knex.raw<{ rows: Array<{ column_name: string; data_type: string }> }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?`,
    [table],
  );
  return new Map(rows.map((r) => [r.column_name, r.data_type]));
}

describe('migrations', () => {
  it('create every table of the contract with the columns others rely on', async () => {
    for (const [table, columns] of Object.entries(CONTRACT)) {
      const actual = await columnsOf(table);
      expect([...actual.keys()], table).to.include.members(columns);
      if (table !== 'tenants') expect(actual.has('tenant_id'), `${table}.tenant_id`).to.equal(true);
      for (const [column, type] of actual) {
        if (column.endsWith('_at')) expect(type, `${table}.${column}`).to.equal('timestamp with time zone');
        if (column === 'id') expect(type, `${table}.id`).to.equal('uuid');
      }
    }
  });

  it('are current after running', async () => {
    expect(await migrationsAreCurrent(testDb().knex)).to.equal(true);
  });

  it('run down and up again cleanly', async () => {
    await rollbackAll(testDb().knex);
    expect(await migrationsAreCurrent(testDb().knex)).to.equal(false);
    expect((await columnsOf('whatsapp_messages')).size).to.equal(0);
    await migrateToLatest(testDb().knex);
    expect(await migrationsAreCurrent(testDb().knex)).to.equal(true);
  });

  it('carry ref numbers between the counter table and the per-tenant sequences (0008) both ways', async () => {
    const knex = testDb().knex;
    const nextLd = async (tenantId: string) =>
      Number((await knex.raw(`SELECT next_ref_value(?, 'LD') AS n`, [tenantId])).rows[0].n);
    const [tenant] = await knex('tenants').insert({ slug: 'refs', name: 'Refs' }).returning('id');
    expect([await nextLd(tenant.id), await nextLd(tenant.id)]).to.deep.equal([1, 2]);
    await knex.migrate.down({ migrationSource, name: '0008_ref_sequences' });
    expect(await knex('ref_counters').where({ tenant_id: tenant.id })).to.deep.equal([
      { tenant_id: tenant.id, kind: 'LD', last_value: 2 },
    ]);
    await migrateToLatest(knex);
    expect(await nextLd(tenant.id)).to.equal(3);
    const [other] = await knex('tenants').insert({ slug: 'refs-2', name: 'Refs 2' }).returning('id');
    expect(await nextLd(other.id)).to.equal(1);
  });

  it('answer the two dashboard queries of the spec unchanged', async () => {
    const sent = await testDb().knex.raw(
      `SELECT COUNT(*) FROM whatsapp_messages WHERE direction = 'OUTBOUND' AND DATE(sent_at) = CURRENT_DATE`,
    );
    const leads = await testDb().knex.raw(
      `SELECT COUNT(*) FROM timeline_entries WHERE event_type = 'SYSTEM' AND content->>'action' = 'LEAD_CREATED' AND source = 'WHATSAPP'`,
    );
    expect(Number(sent.rows[0].count)).to.equal(0);
    expect(Number(leads.rows[0].count)).to.equal(0);
  });

  it('keep one message per provider message id per tenant', async () => {
    const knex = testDb().knex;
    const [tenant] = await knex('tenants').insert({ slug: 't', name: 'T' }).returning('id');
    const row = {
      tenant_id: tenant.id,
      provider_message_id: 'wamid.X',
      direction: 'INBOUND',
      type: 'text',
      status: 'received',
    };
    await knex('whatsapp_messages').insert(row);
    let error: unknown;
    await knex('whatsapp_messages')
      .insert(row)
      .catch((e: unknown) => (error = e));
    expect(String(error)).to.match(/unique|duplicate/i);
  });
});
