import type { Knex } from 'knex';

/**
 * SPEC §18–19: the event log behind the SSE stream and outbound webhooks, webhook subscriptions
 * and their deliveries, contacts, and the indexes of the inbox's search and unread filter.
 *
 * Event ids come from a per-tenant counter row taken just before commit, so ids commit in
 * order and a reader never skips one that commits later (docs/decisions/0014).
 * Search is trigram (pg_trgm, a trusted extension: the database owner may create it).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  await knex.schema.createTable('event_sequences', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.bigInteger('last_id').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('events', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.bigInteger('id').notNullable();
    t.string('type', 40).notNullable();
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.uuid('trip_id').nullable().comment('Field staff see the events of their trips only');
    t.jsonb('data').notNullable();
    t.primary(['tenant_id', 'id']);
    t.index(['occurred_at']);
  });

  await knex.schema.createTable('webhook_subscriptions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('url').notNullable();
    t.specificType('events', 'text[]').notNullable();
    t.text('secret').notNullable().comment('whsec_… signing secret, encrypted');
    t.string('status', 16).notNullable().defaultTo('active');
    t.bigInteger('last_event_id').notNullable().comment('Delivered (or given up) up to this event id');
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('leased_until', { useTz: true }).nullable();
    t.timestamp('failing_since', { useTz: true }).nullable();
    t.timestamp('disabled_at', { useTz: true }).nullable();
    t.text('disabled_reason').nullable();
    t.uuid('created_by').nullable();
    t.timestamps(true, true);
    t.index(['tenant_id', 'created_at', 'id']);
  });
  await knex.raw(
    `CREATE INDEX webhook_subscriptions_due_idx ON webhook_subscriptions (next_attempt_at) WHERE status = 'active'`,
  );
  await knex.schema.createTable('webhook_deliveries', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('subscription_id').notNullable().references('webhook_subscriptions.id').onDelete('CASCADE');
    t.bigInteger('event_id').notNullable();
    t.string('event_type', 40).notNullable();
    t.string('status', 16).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.integer('response_status').nullable();
    t.text('error').nullable();
    t.timestamp('last_attempt_at', { useTz: true }).nullable();
    t.timestamp('next_attempt_at', { useTz: true }).nullable();
    t.timestamp('delivered_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['subscription_id', 'event_id']);
    t.index(['subscription_id', 'created_at', 'id']);
  });

  await knex.schema.createTable('contacts', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.text('phone').notNullable().comment('E.164, or the business-scoped user id');
    t.text('name').nullable();
    t.string('language', 8).nullable();
    t.string('language_source', 16).nullable().comment('staff (set by hand) or detected');
    t.jsonb('tags').notNullable().defaultTo('[]');
    t.text('notes').nullable();
    t.timestamp('last_seen_at', { useTz: true }).nullable();
    t.timestamps(true, true);
    t.primary(['tenant_id', 'phone']);
    t.index(['tenant_id', 'created_at', 'phone']);
  });
  for (const [name, definition] of SEARCH_INDEXES) await knex.raw(`CREATE INDEX ${name} ON ${definition}`);
}

const SEARCH_INDEXES: Array<[name: string, definition: string]> = [
  [
    'whatsapp_conversations_search_idx',
    `whatsapp_conversations USING gin ((COALESCE(customer_name, '') || ' ' || customer_phone) gin_trgm_ops)`,
  ],
  [
    'whatsapp_conversations_unread_idx',
    'whatsapp_conversations (tenant_id, created_at, id) WHERE unread_count > 0',
  ],
  ['whatsapp_messages_text_search_idx', `whatsapp_messages USING gin ((content->>'text') gin_trgm_ops)`],
  ['contacts_search_idx', `contacts USING gin ((COALESCE(name, '') || ' ' || phone) gin_trgm_ops)`],
  ['whatsapp_messages_tenant_created_idx', 'whatsapp_messages (tenant_id, created_at, id)'],
];

export async function down(knex: Knex): Promise<void> {
  for (const [name] of SEARCH_INDEXES) await knex.raw(`DROP INDEX IF EXISTS ${name}`);
  for (const table of [
    'contacts',
    'webhook_deliveries',
    'webhook_subscriptions',
    'events',
    'event_sequences',
  ])
    await knex.schema.dropTableIfExists(table);
}
