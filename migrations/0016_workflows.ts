import type { Knex } from 'knex';

const ts = (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, name: string) =>
  t.timestamp(name, { useTz: true });
const id = (knex: Knex, t: Knex.CreateTableBuilder) =>
  t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
const tenant = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
const user = (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, name: string) =>
  t.uuid(name).nullable().references('users.id').onDelete('SET NULL');

/**
 * Workflows to the end (SPEC §22): incident acknowledgement and progress updates, booking
 * cancellation with refunds, payments confirmed by a provider's webhook (once per provider
 * payment id), reminders sent once per slot, the tenant's payment settings, voice-note transcripts.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('incidents', (t) => {
    user(t, 'acknowledged_by');
    ts(t, 'acknowledged_at').nullable();
  });
  await knex.raw(
    `ALTER TABLE incidents ADD CONSTRAINT incidents_status_check CHECK (status IN ('open','acknowledged','resolved'))`,
  );
  await knex.schema.createTable('incident_updates', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('incident_id').notNullable().references('incidents.id').onDelete('CASCADE');
    user(t, 'author_id');
    t.string('kind', 16).notNullable();
    t.text('note').nullable();
    t.text('customer_message').nullable();
    t.integer('customers_notified').notNullable().defaultTo(0);
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'incident_id', 'created_at']);
  });
  await knex.raw(
    `ALTER TABLE incident_updates ADD CONSTRAINT incident_updates_kind_check CHECK (kind IN ('note','acknowledged','resolved'))`,
  );

  await knex.schema.alterTable('bookings', (t) => {
    t.text('cancellation_reason').nullable();
    user(t, 'cancelled_by');
  });
  // The payment page finds a booking by its ref (then checks the token), whatever its tenant.
  await knex.raw(`CREATE INDEX bookings_ref_idx ON bookings (ref)`);
  // The trip-reminders job looks for trips departing within a day.
  await knex.raw(`CREATE INDEX trips_departure_date_idx ON trips (departure_date)`);
  // The payment-reminders job reads pending bookings in creation order.
  await knex.raw(
    `CREATE INDEX bookings_pending_payment_idx ON bookings (created_at, id) WHERE status = 'pending_payment'`,
  );
  await knex.schema.createTable('refunds', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('booking_id').notNullable().references('bookings.id').onDelete('CASCADE');
    t.decimal('amount', 14, 2).notNullable();
    t.string('currency', 3).notNullable();
    t.text('reason').notNullable();
    user(t, 'recorded_by');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'booking_id']);
  });

  // A provider's payment is recorded once, whatever number of notifications announce it.
  await knex.schema.alterTable('payments', (t) => {
    t.string('provider', 32).nullable();
    t.string('provider_payment_id', 128).nullable();
  });
  await knex.raw(
    `CREATE UNIQUE INDEX payments_provider_payment_uq ON payments (tenant_id, provider, provider_payment_id) WHERE provider_payment_id IS NOT NULL`,
  );

  // One row per reminder sent: the unique key is what makes a reminder go once across instances.
  await knex.schema.createTable('sent_reminders', (t) => {
    id(knex, t);
    tenant(t);
    t.string('kind', 32).notNullable();
    t.uuid('subject_id').notNullable();
    t.string('slot', 32).notNullable();
    t.string('recipient', 160).notNullable();
    ts(t, 'sent_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'kind', 'subject_id', 'slot', 'recipient']);
  });

  await knex.schema.createTable('payment_settings', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.string('payment_url_template', 2000).nullable();
    t.text('instructions').nullable();
    t.text('credentials').nullable().comment('encrypted: webhook secrets and the Mercado Pago token');
    user(t, 'updated_by');
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.alterTable('whatsapp_media', (t) => {
    t.text('transcript').nullable();
    t.string('transcription_status', 16).nullable().comment('pending, done or failed; null: not asked');
    t.integer('transcription_attempts').notNullable().defaultTo(0);
    t.text('transcription_error').nullable();
    ts(t, 'transcription_available_at').nullable();
    ts(t, 'transcription_locked_until').nullable();
  });
  await knex.raw(
    `CREATE INDEX whatsapp_media_transcription_idx ON whatsapp_media (transcription_available_at) WHERE transcription_status = 'pending'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX IF EXISTS whatsapp_media_transcription_idx');
  await knex.schema.alterTable('whatsapp_media', (t) => {
    for (const column of [
      'transcription_locked_until',
      'transcription_available_at',
      'transcription_error',
      'transcription_attempts',
      'transcription_status',
      'transcript',
    ])
      t.dropColumn(column);
  });
  for (const table of ['payment_settings', 'sent_reminders', 'refunds', 'incident_updates'])
    await knex.schema.dropTableIfExists(table);
  await knex.raw('DROP INDEX IF EXISTS payments_provider_payment_uq');
  await knex.schema.alterTable('payments', (t) => {
    t.dropColumn('provider_payment_id');
    t.dropColumn('provider');
  });
  await knex.raw('DROP INDEX IF EXISTS bookings_pending_payment_idx');
  await knex.raw('DROP INDEX IF EXISTS trips_departure_date_idx');
  await knex.raw('DROP INDEX IF EXISTS bookings_ref_idx');
  await knex.schema.alterTable('bookings', (t) => {
    t.dropColumn('cancelled_by');
    t.dropColumn('cancellation_reason');
  });
  await knex.raw('ALTER TABLE incidents DROP CONSTRAINT IF EXISTS incidents_status_check');
  await knex.schema.alterTable('incidents', (t) => {
    t.dropColumn('acknowledged_at');
    t.dropColumn('acknowledged_by');
  });
}
