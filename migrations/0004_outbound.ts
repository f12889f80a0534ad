import type { Knex } from 'knex';

const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
const tenant = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');

export async function up(knex: Knex): Promise<void> {
  // One row per send handed to a provider (or about to be): the sliding-minute rate limit and
  // panic mode's failure rate read it; rows older than a few minutes are swept.
  await knex.schema.createTable('whatsapp_send_attempts', (t) => {
    t.bigIncrements('id').primary();
    tenant(t);
    t.uuid('message_id').notNullable().references('whatsapp_messages.id').onDelete('CASCADE');
    t.string('recipient', 160).notNullable();
    ts(t, 'attempted_at').notNullable();
    t.string('outcome', 16).notNullable().defaultTo('pending');
    t.string('error_code', 32).nullable();
    t.index(['tenant_id', 'attempted_at']);
  });
  await knex.raw(
    `ALTER TABLE whatsapp_send_attempts ADD CONSTRAINT whatsapp_send_attempts_outcome_check CHECK (outcome IN ('pending','sent','failed','retryable','throttled','auth'))`,
  );

  // Per-recipient pacing (GCRA): the theoretical arrival time of the next message to that person.
  await knex.schema.createTable('whatsapp_recipient_pacing', (t) => {
    tenant(t);
    t.string('recipient', 160).notNullable();
    ts(t, 'tat').notNullable();
    t.primary(['tenant_id', 'recipient']);
  });

  // Panic mode per tenant (SPEC §8): one row, kept after a resume for the record.
  await knex.schema.createTable('whatsapp_panic_states', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.boolean('active').notNullable().defaultTo(false);
    t.string('reason', 32).nullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    ts(t, 'since').nullable();
    ts(t, 'resumes_at').nullable();
    ts(t, 'resumed_at').nullable();
    t.string('resumed_by', 200).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('whatsapp_panic_states');
  await knex.schema.dropTableIfExists('whatsapp_recipient_pacing');
  await knex.schema.dropTableIfExists('whatsapp_send_attempts');
}
