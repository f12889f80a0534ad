import type { Knex } from 'knex';

const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
const id = (knex: Knex, t: Knex.CreateTableBuilder) =>
  t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
const tenant = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
const user = (t: Knex.CreateTableBuilder, name: string) =>
  t.uuid(name).nullable().references('users.id').onDelete('SET NULL');
const stamps = (knex: Knex, t: Knex.CreateTableBuilder) => {
  ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
  ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
};

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('leads', (t) => {
    id(knex, t);
    tenant(t);
    t.string('ref', 24).notNullable();
    t.string('customer_phone', 160).notNullable();
    t.string('customer_name', 200).nullable();
    t.string('status', 16).notNullable().defaultTo('new');
    t.text('summary').nullable();
    t.integer('party_size').nullable();
    t.string('travel_month', 16).nullable();
    user(t, 'assigned_to');
    t.uuid('conversation_id').nullable().references('whatsapp_conversations.id').onDelete('SET NULL');
    stamps(knex, t);
    t.unique(['tenant_id', 'ref']);
    t.index(['tenant_id', 'status', 'assigned_to']);
    t.index(['tenant_id', 'customer_phone']);
  });
  // One open lead per customer: two messages racing from a new customer cannot both open one.
  await knex.raw(
    `CREATE UNIQUE INDEX leads_one_open_per_customer_uq ON leads (tenant_id, customer_phone) WHERE status IN ('new','contacted','quoted')`,
  );

  await knex.schema.createTable('trips', (t) => {
    id(knex, t);
    tenant(t);
    t.string('code', 32).notNullable();
    t.string('name', 200).notNullable();
    t.date('departure_date').notNullable();
    t.string('status', 16).notNullable().defaultTo('scheduled');
    stamps(knex, t);
    t.unique(['tenant_id', 'code']);
  });

  await knex.schema.createTable('trip_assignments', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('trip_id').notNullable().references('trips.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['trip_id', 'user_id']);
    t.index(['tenant_id', 'user_id']);
  });

  await knex.schema.createTable('quotes', (t) => {
    id(knex, t);
    tenant(t);
    t.string('ref', 24).notNullable();
    t.uuid('lead_id').notNullable().references('leads.id').onDelete('CASCADE');
    t.decimal('amount', 14, 2).notNullable();
    t.string('currency', 3).notNullable();
    t.text('description').notNullable();
    t.string('status', 24).notNullable();
    user(t, 'created_by');
    user(t, 'approved_by');
    ts(t, 'approved_at').nullable();
    ts(t, 'sent_at').nullable();
    stamps(knex, t);
    t.unique(['tenant_id', 'ref']);
    t.index(['tenant_id', 'status']);
  });

  await knex.schema.createTable('bookings', (t) => {
    id(knex, t);
    tenant(t);
    t.string('ref', 24).notNullable();
    t.uuid('lead_id').nullable().references('leads.id').onDelete('SET NULL');
    t.uuid('trip_id').nullable().references('trips.id').onDelete('SET NULL');
    t.string('customer_phone', 160).notNullable();
    t.string('customer_name', 200).nullable();
    t.integer('party_size').notNullable();
    t.decimal('amount', 14, 2).notNullable();
    t.string('currency', 3).notNullable();
    t.string('status', 24).notNullable().defaultTo('pending_payment');
    t.string('payment_token', 64).nullable();
    ts(t, 'confirmed_at').nullable();
    ts(t, 'cancelled_at').nullable();
    stamps(knex, t);
    t.unique(['tenant_id', 'ref']);
    t.index(['tenant_id', 'customer_phone']);
    t.index(['tenant_id', 'trip_id', 'status']);
  });

  await knex.schema.createTable('payments', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('booking_id').notNullable().references('bookings.id').onDelete('CASCADE');
    t.decimal('amount', 14, 2).notNullable();
    t.string('currency', 3).notNullable();
    t.string('reference', 200).notNullable();
    user(t, 'recorded_by');
    ts(t, 'received_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'booking_id', 'reference']);
  });

  await knex.schema.createTable('incidents', (t) => {
    id(knex, t);
    tenant(t);
    t.string('ref', 24).notNullable();
    t.uuid('trip_id').notNullable().references('trips.id').onDelete('CASCADE');
    user(t, 'reporter_id');
    t.text('description').notNullable();
    t.string('status', 16).notNullable().defaultTo('open');
    t.text('resolution_note').nullable();
    user(t, 'resolved_by');
    ts(t, 'resolved_at').nullable();
    stamps(knex, t);
    t.unique(['tenant_id', 'ref']);
    t.index(['tenant_id', 'trip_id', 'status']);
  });

  await knex.schema.createTable('check_ins', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('trip_id').notNullable().references('trips.id').onDelete('CASCADE');
    user(t, 'user_id');
    t.text('note').nullable();
    ts(t, 'checked_in_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'trip_id', 'checked_in_at']);
  });

  await knex.schema.createTable('timeline_entries', (t) => {
    id(knex, t);
    tenant(t);
    t.string('entity_type', 32).notNullable();
    t.uuid('entity_id').notNullable();
    t.string('event_type', 16).notNullable();
    t.string('source', 16).notNullable();
    t.string('actor', 200).nullable();
    t.jsonb('content').notNullable().defaultTo('{}');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'entity_type', 'entity_id', 'created_at']);
    t.index(['tenant_id', 'created_at']);
  });
  await knex.raw(
    `ALTER TABLE timeline_entries ADD CONSTRAINT timeline_entries_event_type_check CHECK (event_type IN ('MESSAGE','SYSTEM','INCIDENT','CHECKIN','NOTE','STATUS_CHANGE'))`,
  );
  await knex.raw(
    `ALTER TABLE timeline_entries ADD CONSTRAINT timeline_entries_source_check CHECK (source IN ('WHATSAPP','WEB','SYSTEM','CRON'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'timeline_entries',
    'check_ins',
    'incidents',
    'payments',
    'bookings',
    'quotes',
    'trip_assignments',
    'trips',
    'leads',
  ])
    await knex.schema.dropTableIfExists(table);
}
