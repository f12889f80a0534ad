import type { Knex } from 'knex';

/**
 * The inbox's "mine" and "unassigned" views (`GET /conversations?assignedTo=<id>|none`) walk a
 * user's conversations newest first instead of skipping everyone else's.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    'CREATE INDEX whatsapp_conversations_assignee_idx ON whatsapp_conversations (tenant_id, assigned_to, created_at, id)',
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP INDEX whatsapp_conversations_assignee_idx');
}
