import type { Knex } from 'knex';

const PLANS = ['free', 'starter', 'professional', 'business', 'enterprise'];
const STATUSES = ['pending', 'active', 'suspended', 'disconnected'];
const QUALITY = ['GREEN', 'YELLOW', 'RED', 'UNKNOWN'];
const SOURCES = ['environment', 'manual', 'onboarding'];

const inList = (values: string[]) => values.map((v) => `'${v}'`).join(',');

/**
 * Connections (SPEC §15): every row of whatsapp_configurations is one number of one tenant, with
 * its health as Meta reports it. `source` says who manages the row: the environment (the default
 * tenant's, rewritten at every start), an operator (CLI, REST) or onboarding. Tenants get a plan
 * (SPEC §17); existing tenants keep working unlimited.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tenants', (t) => {
    t.string('plan', 16).notNullable().defaultTo('enterprise');
  });
  await knex.raw(`ALTER TABLE tenants ADD CONSTRAINT tenants_plan_check CHECK (plan IN (${inList(PLANS)}))`);

  await knex.schema.alterTable('whatsapp_configurations', (t) => {
    t.string('status', 16).notNullable().defaultTo('active');
    t.string('source', 16).notNullable().defaultTo('manual');
    t.string('display_phone_number', 32).nullable();
    t.string('verified_name', 256).nullable();
    t.string('quality_rating', 16).notNullable().defaultTo('UNKNOWN');
    t.string('messaging_limit_tier', 32).nullable();
    t.string('name_status', 32).nullable();
    t.jsonb('health').notNullable().defaultTo('{}').comment('last test, last account event');
    t.timestamp('token_expires_at', { useTz: true }).nullable();
    t.jsonb('onboarding').notNullable().defaultTo('{}');
  });
  await knex.raw(
    `ALTER TABLE whatsapp_configurations
       ADD CONSTRAINT whatsapp_configurations_status_check CHECK (status IN (${inList(STATUSES)})),
       ADD CONSTRAINT whatsapp_configurations_quality_check CHECK (quality_rating IN (${inList(QUALITY)})),
       ADD CONSTRAINT whatsapp_configurations_source_check CHECK (source IN (${inList(SOURCES)}))`,
  );
  // Until now only the environment wrote configurations, and only for the default tenant.
  await knex.raw(
    `UPDATE whatsapp_configurations SET source = 'environment'
      WHERE tenant_id IN (SELECT id FROM tenants WHERE slug = 'default')`,
  );
  await knex.raw(
    `CREATE INDEX whatsapp_configurations_waba_idx ON whatsapp_configurations (business_account_id) WHERE business_account_id IS NOT NULL`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX whatsapp_configurations_waba_idx`);
  await knex.schema.alterTable('whatsapp_configurations', (t) => {
    for (const column of [
      'status',
      'source',
      'display_phone_number',
      'verified_name',
      'quality_rating',
      'messaging_limit_tier',
      'name_status',
      'health',
      'token_expires_at',
      'onboarding',
    ])
      t.dropColumn(column);
  });
  await knex.schema.alterTable('tenants', (t) => t.dropColumn('plan'));
}
