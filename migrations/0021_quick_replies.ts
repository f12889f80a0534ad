import type { Knex } from 'knex';

/**
 * Quick replies: a tenant's saved answers, typed in the inbox's composer by their `/shortcut`, as
 * in the WhatsApp Business app. One shortcut per tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('quick_replies', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('shortcut', 32).notNullable().comment('lowercase letters, digits, - and _; typed after /');
    t.text('text').notNullable();
    t.string('updated_by', 64).nullable().comment('who last wrote it (actor label)');
    t.timestamps(true, true);
    t.unique(['tenant_id', 'shortcut']);
    t.index(['tenant_id', 'created_at', 'id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('quick_replies');
}
