import type { Knex } from 'knex';

/**
 * Plans, usage and cost (SPEC §17). A tenant gets its timezone (IANA; periods are calendar months
 * in it, and the auto-responder's business hours read the same column) and plan overrides (limits
 * and features that differ from its plan's). Counters are one row per tenant, period and counter,
 * updated with a row lock in the transaction that queues the message (docs/decisions/0021).
 * Outbound messages remember the period they were counted in (so a failure can give the unit
 * back) and Meta's pricing from status webhooks, recorded once per message.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('tenants', (t) => {
    t.text('timezone')
      .notNullable()
      .defaultTo('UTC')
      .comment('IANA zone, e.g. America/Argentina/Buenos_Aires');
    t.jsonb('plan_overrides')
      .notNullable()
      .defaultTo('{}')
      .comment('{ limits: { messages: n|null }, features: { ai_responses: true } } over the plan');
  });

  await knex.schema.createTable('usage_counters', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.date('period_start').notNullable().comment('first day of the calendar month in the tenant timezone');
    t.string('counter', 64).notNullable().comment('messages, ai_conversations, billable:<category>');
    t.integer('used').notNullable().defaultTo(0);
    t.boolean('alerted_80').notNullable().defaultTo(false);
    t.boolean('alerted_100').notNullable().defaultTo(false);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'period_start', 'counter']);
  });
  await knex.raw(`ALTER TABLE usage_counters ADD CONSTRAINT usage_counters_used_check CHECK (used >= 0)`);

  await knex.schema.createTable('usage_ai_spans', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('conversation_id', 64).notNullable();
    t.timestamp('span_start', { useTz: true }).notNullable().comment('the 24-hour span counted once');
    t.primary(['tenant_id', 'conversation_id']);
  });

  await knex.schema.alterTable('whatsapp_messages', (t) => {
    t.date('usage_period').nullable().comment('the period this message was counted in; null: not counted');
    t.string('pricing_category', 32).nullable().comment("Meta's pricing.category, first seen");
    t.boolean('billable').nullable().comment("Meta's pricing.billable, first seen");
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_messages', (t) => {
    t.dropColumn('usage_period');
    t.dropColumn('pricing_category');
    t.dropColumn('billable');
  });
  await knex.schema.dropTable('usage_ai_spans');
  await knex.schema.dropTable('usage_counters');
  await knex.schema.alterTable('tenants', (t) => {
    t.dropColumn('timezone');
    t.dropColumn('plan_overrides');
  });
}
