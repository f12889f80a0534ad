import type { Knex } from 'knex';

/**
 * Onboarding (SPEC §16): one row per attempt to connect a number through Meta's Embedded Signup or
 * 360dialog's Connect button. The row exists before any connection does (a failed step leaves no
 * connection behind), so it is a table of its own rather than the connection's `onboarding` column.
 * `steps` is the ordered list of steps with their status and the provider's error; `secrets` the
 * business token, PIN and API keys, encrypted like connection credentials. `request_key` makes a
 * second submission of the same code or channel return the same row (docs/decisions/0022).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('onboardings', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('id').inTable('tenants').onDelete('CASCADE');
    t.string('provider', 16).notNullable();
    t.string('request_key', 64).notNullable().unique().comment('sha256 of the code / channel id');
    t.string('status', 16).notNullable().defaultTo('running');
    t.string('waba_id', 32).nullable();
    t.string('phone_number_id', 32).nullable();
    t.string('channel_id', 64).nullable();
    t.jsonb('steps').notNullable();
    t.jsonb('facts').notNullable().defaultTo('{}').comment('what the provider told: number, token expiry');
    t.text('secrets').nullable().comment('encrypted: token, pin, api key, webhook secret');
    t.uuid('connection_id')
      .nullable()
      .references('id')
      .inTable('whatsapp_configurations')
      .onDelete('SET NULL');
    t.string('started_by', 64).nullable().comment('who asked: a user id');
    t.timestamp('lease_until', { useTz: true }).nullable().comment('the instance running the steps holds it');
    t.timestamps(true, true);
  });
  await knex.raw(
    `ALTER TABLE onboardings
       ADD CONSTRAINT onboardings_provider_check CHECK (provider IN ('meta','360dialog')),
       ADD CONSTRAINT onboardings_status_check CHECK (status IN ('running','done','failed'))`,
  );
  await knex.raw(`CREATE INDEX onboardings_tenant_idx ON onboardings (tenant_id, created_at DESC)`);
  await knex.raw(
    `CREATE INDEX onboardings_running_idx ON onboardings (lease_until) WHERE status = 'running'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('onboardings');
}
