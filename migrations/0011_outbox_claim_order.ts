import type { Knex } from 'knex';

/**
 * The outbound claim takes a tenant's oldest due messages in (available_at, created_at) order.
 * With created_at in the queue index the claim reads just the rows it takes, in order, instead of
 * every due row of the tenant followed by a sort — which grows with the backlog (a broadcast to
 * thousands).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX whatsapp_messages_outbox_order_idx ON whatsapp_messages (tenant_id, status, available_at, created_at) WHERE direction = 'OUTBOUND' AND status IN ('queued','sending')`,
  );
  await knex.raw(`DROP INDEX whatsapp_messages_outbox_idx`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX whatsapp_messages_outbox_idx ON whatsapp_messages (tenant_id, status, available_at) WHERE direction = 'OUTBOUND' AND status IN ('queued','sending')`,
  );
  await knex.raw(`DROP INDEX whatsapp_messages_outbox_order_idx`);
}
