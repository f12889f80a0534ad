import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('tenants', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.string('slug', 64).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('default_language', 16).notNullable().defaultTo('en');
    t.string('default_region', 2)
      .nullable()
      .comment('ISO 3166 region for numbers written without a country code');
    t.decimal('quote_approval_threshold', 14, 2).nullable();
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });

  await knex.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('name', 200).notNullable();
    t.string('phone', 16).notNullable();
    t.string('role', 16).notNullable();
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'phone']);
    t.index(['tenant_id', 'role', 'active']);
  });
  await knex.raw(
    `ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('sales','operations','field_staff','manager'))`,
  );

  await knex.schema.createTable('api_keys', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('prefix', 16).notNullable().comment('first characters of the key, to recognise it in lists');
    t.string('key_hash', 64).notNullable().unique().comment('sha256 hex of the whole key');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_used_at', { useTz: true }).nullable();
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.index(['tenant_id', 'user_id']);
  });

  // Per-tenant counters behind LD-/Q-/BK-/INC- refs: one row per (tenant, kind), bumped with UPDATE … RETURNING.
  await knex.schema.createTable('ref_counters', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('kind', 8).notNullable();
    t.bigInteger('last_value').notNullable().defaultTo(0);
    t.primary(['tenant_id', 'kind']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['ref_counters', 'api_keys', 'users', 'tenants'])
    await knex.schema.dropTableIfExists(table);
}
