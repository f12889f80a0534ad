import type { Knex } from 'knex';

/**
 * Indexes behind the staff API: keyset pages on (created_at, id) per tenant, and the analytics
 * summary, which must stay fast with millions of messages (docs/decisions/0007-rest-api.md).
 */
const INDEXES: Array<[name: string, definition: string]> = [
  ['users_tenant_created_idx', 'users (tenant_id, created_at, id)'],
  ['leads_tenant_created_idx', 'leads (tenant_id, created_at, id)'],
  ['bookings_tenant_created_idx', 'bookings (tenant_id, created_at, id)'],
  ['trips_tenant_created_idx', 'trips (tenant_id, created_at, id)'],
  ['incidents_tenant_created_idx', 'incidents (tenant_id, created_at, id)'],
  ['whatsapp_conversations_tenant_created_idx', 'whatsapp_conversations (tenant_id, created_at, id)'],
  ['whatsapp_opt_ins_tenant_created_idx', 'whatsapp_opt_ins (tenant_id, created_at, phone)'],
  [
    'whatsapp_audit_logs_tenant_entity_idx',
    'whatsapp_audit_logs (tenant_id, entity_type, entity_id, created_at)',
  ],
  // analytics: outbound sends by sent_at (status carried in the index for the delivery/read counts)
  [
    'whatsapp_messages_outbound_sent_idx',
    `whatsapp_messages (tenant_id, sent_at) INCLUDE (status) WHERE direction = 'OUTBOUND' AND sent_at IS NOT NULL`,
  ],
  // analytics: inbound messages by arrival
  [
    'whatsapp_messages_inbound_created_idx',
    `whatsapp_messages (tenant_id, created_at) WHERE direction = 'INBOUND'`,
  ],
  // conversation message pages and first-response lookups
  ['whatsapp_messages_conversation_page_idx', 'whatsapp_messages (conversation_id, created_at, id)'],
];

export async function up(knex: Knex): Promise<void> {
  for (const [name, definition] of INDEXES)
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${definition}`);
}

export async function down(knex: Knex): Promise<void> {
  for (const [name] of [...INDEXES].reverse()) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
}
