import type { Knex } from 'knex';

const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
const tenantKey = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').primary().references('tenants.id').onDelete('CASCADE');

const STATUSES_BEFORE = `'received','queued','sending','sent','delivered','read','failed'`;
const STATUSES_AFTER = `${STATUSES_BEFORE},'unconfirmed'`;

/**
 * The outbound engine of SPEC §21 (docs/decisions/0015):
 * - `priority` (high/normal/low) on every message, in the queue index right after the status, so
 *   a claim reads the oldest due rows of one class straight off the index;
 * - `channel` (whatsapp/sms) for SMS fallback rows;
 * - status `unconfirmed`: a send whose outcome was lost, waiting for a status webhook naming it;
 * - `whatsapp_outbound_holds`: per tenant, until when nothing (a full rate-limit window) or
 *   nothing but `high` (bulk pacing) may be claimed — one row instead of moving every queued row;
 * - the id we echo in `biz_opaque_callback_data` (or Twilio's callback URL) on parked statuses;
 * - the SMS fallback setting per tenant.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_messages', (t) => {
    t.string('priority', 8).notNullable().defaultTo('normal');
    t.string('channel', 8).notNullable().defaultTo('whatsapp');
  });
  // Only what is still to go needs its class; sent history keeps the default.
  await knex.raw(
    `UPDATE whatsapp_messages
        SET priority = CASE content->>'purpose' WHEN 'reply' THEN 'high' WHEN 'manual' THEN 'high'
                                                 WHEN 'broadcast' THEN 'low' ELSE 'normal' END
      WHERE direction = 'OUTBOUND' AND status IN ('queued','sending')`,
  );
  await knex.raw(
    `ALTER TABLE whatsapp_messages ADD CONSTRAINT whatsapp_messages_priority_check CHECK (priority IN ('high','normal','low'))`,
  );
  await knex.raw(
    `ALTER TABLE whatsapp_messages ADD CONSTRAINT whatsapp_messages_channel_check CHECK (channel IN ('whatsapp','sms'))`,
  );
  await replaceStatusCheck(knex, STATUSES_AFTER);
  await knex.raw(
    `CREATE INDEX whatsapp_messages_outbox_priority_idx ON whatsapp_messages (tenant_id, status, priority, available_at, created_at) WHERE direction = 'OUTBOUND' AND status IN ('queued','sending','unconfirmed')`,
  );
  await knex.raw(`DROP INDEX whatsapp_messages_outbox_order_idx`);

  await knex.schema.createTable('whatsapp_outbound_holds', (t) => {
    tenantKey(t);
    ts(t, 'until').nullable().comment('nothing is claimed before: the rate-limit window is full');
    ts(t, 'bulk_until').nullable().comment('only high-priority messages are claimed before');
    ts(t, 'bulk_tat').nullable().comment('GCRA time of the next normal/low send (bulk pacing)');
  });

  await knex.schema.alterTable('whatsapp_pending_statuses', (t) => {
    t.uuid('message_id').nullable().comment('our message id, echoed by the provider');
  });
  await knex.raw(
    `CREATE INDEX whatsapp_pending_statuses_message_idx ON whatsapp_pending_statuses (tenant_id, message_id) WHERE message_id IS NOT NULL`,
  );

  await knex.schema.createTable('sms_fallback_settings', (t) => {
    tenantKey(t);
    t.boolean('enabled').notNullable().defaultTo(false);
    t.string('from_number', 16).nullable();
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.string('updated_by', 200).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('sms_fallback_settings');
  await knex.raw(`DROP INDEX IF EXISTS whatsapp_pending_statuses_message_idx`);
  await knex.schema.alterTable('whatsapp_pending_statuses', (t) => t.dropColumn('message_id'));
  await knex.schema.dropTableIfExists('whatsapp_outbound_holds');
  await knex.raw(
    `CREATE INDEX whatsapp_messages_outbox_order_idx ON whatsapp_messages (tenant_id, status, available_at, created_at) WHERE direction = 'OUTBOUND' AND status IN ('queued','sending')`,
  );
  await knex.raw(`DROP INDEX whatsapp_messages_outbox_priority_idx`);
  await knex.raw(`UPDATE whatsapp_messages SET status = 'queued' WHERE status = 'unconfirmed'`);
  await replaceStatusCheck(knex, STATUSES_BEFORE);
  await knex.raw(`ALTER TABLE whatsapp_messages DROP CONSTRAINT whatsapp_messages_channel_check`);
  await knex.raw(`ALTER TABLE whatsapp_messages DROP CONSTRAINT whatsapp_messages_priority_check`);
  await knex.schema.alterTable('whatsapp_messages', (t) => {
    t.dropColumn('channel');
    t.dropColumn('priority');
  });
}

async function replaceStatusCheck(knex: Knex, statuses: string): Promise<void> {
  await knex.raw(`ALTER TABLE whatsapp_messages DROP CONSTRAINT whatsapp_messages_status_check`);
  await knex.raw(
    `ALTER TABLE whatsapp_messages ADD CONSTRAINT whatsapp_messages_status_check CHECK (status IN (${statuses}))`,
  );
}
