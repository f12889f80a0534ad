import type { Knex } from 'knex';

/**
 * Template sends carry header and button values besides the body's `params`; a broadcast keeps
 * them beside its `params` so GET /broadcasts/:id shows what was sent.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_broadcasts', (t) => {
    t.jsonb('template_header').nullable();
    t.jsonb('template_buttons').nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_broadcasts', (t) => {
    t.dropColumn('template_buttons');
    t.dropColumn('template_header');
  });
}
