import type { Knex } from 'knex';

/**
 * Sign-in to the web console (SPEC §20): one-time WhatsApp login codes, browser sessions, and the
 * first-run setup token. Codes, session tokens and setup tokens are stored only as hashes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_codes', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('phone', 16).notNullable();
    t.string('code_hash', 64).notNullable().comment('HMAC-SHA256 of tenant, phone and code');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('consumed_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['phone', 'created_at']);
    t.index(['tenant_id', 'phone', 'created_at']);
  });

  await knex.schema.createTable('console_sessions', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique().comment('sha256 hex of the cookie value');
    t.string('method', 16).notNullable().comment('code, api_key or setup');
    t.uuid('api_key_id').nullable().references('api_keys.id').onDelete('CASCADE');
    t.string('user_agent', 300).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('last_seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true }).nullable();
    t.index(['tenant_id', 'user_id', 'created_at']);
  });

  await knex.schema.createTable('setup_tokens', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.string('token_hash', 64).notNullable().unique();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['setup_tokens', 'console_sessions', 'login_codes'])
    await knex.schema.dropTableIfExists(table);
}
