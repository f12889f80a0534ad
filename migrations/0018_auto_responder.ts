import type { Knex } from 'knex';

const ts = (t: Knex.CreateTableBuilder | Knex.AlterTableBuilder, name: string) =>
  t.timestamp(name, { useTz: true });
const tenant = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');

/**
 * Auto-responder (SPEC §23): the settings per tenant, the away message's memory per conversation
 * (once per 12 hours), the AI replies to make outside the routing transaction, and the origin of
 * an outbound message (`ai` for the AI's replies, `auto` for rules, away message and greeting).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('auto_responder_settings', (t) => {
    t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');
    t.jsonb('settings').notNullable().defaultTo('{}');
    t.string('updated_by', 200).nullable();
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
  });

  // One row per conversation: the last away message; a new one goes only 12 hours later.
  await knex.schema.createTable('auto_responder_away_sent', (t) => {
    tenant(t);
    t.uuid('conversation_id').notNullable().references('whatsapp_conversations.id').onDelete('CASCADE');
    ts(t, 'sent_at').notNullable();
    t.primary(['tenant_id', 'conversation_id']);
  });

  // A customer message the AI is to answer: queued in the routing transaction, answered by a worker.
  await knex.schema.createTable('auto_responder_ai_requests', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    tenant(t);
    t.uuid('message_id').notNullable().references('whatsapp_messages.id').onDelete('CASCADE');
    t.uuid('conversation_id').notNullable().references('whatsapp_conversations.id').onDelete('CASCADE');
    t.string('customer_phone', 160).notNullable();
    t.string('customer_name', 200).nullable();
    t.string('language', 8).nullable();
    t.string('provider_message_id', 128).nullable();
    t.string('status', 16).notNullable().defaultTo('pending');
    t.string('outcome', 32).nullable().comment('answered, or why it was handed off');
    t.integer('attempts').notNullable().defaultTo(0);
    ts(t, 'locked_until').nullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'finished_at').nullable();
    t.unique(['tenant_id', 'message_id']);
    t.index(['tenant_id', 'conversation_id', 'status']);
  });
  await knex.raw(
    `ALTER TABLE auto_responder_ai_requests ADD CONSTRAINT auto_responder_ai_requests_status_check CHECK (status IN ('pending','answered','handed_off'))`,
  );
  await knex.raw(
    `CREATE INDEX auto_responder_ai_requests_due_idx ON auto_responder_ai_requests (created_at) WHERE status = 'pending'`,
  );

  await knex.schema.alterTable('whatsapp_messages', (t) => {
    t.string('origin', 8)
      .nullable()
      .comment('ai: written by the AI; auto: a rule, the away message or the greeting');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_messages', (t) => t.dropColumn('origin'));
  await knex.schema.dropTableIfExists('auto_responder_ai_requests');
  await knex.schema.dropTableIfExists('auto_responder_away_sent');
  await knex.schema.dropTableIfExists('auto_responder_settings');
}
