import type { Knex } from 'knex';

const ts = (t: Knex.CreateTableBuilder, name: string) => t.timestamp(name, { useTz: true });
const id = (knex: Knex, t: Knex.CreateTableBuilder) =>
  t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
const tenant = (t: Knex.CreateTableBuilder) =>
  t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('whatsapp_configurations', (t) => {
    id(knex, t);
    tenant(t);
    t.string('provider', 16).notNullable();
    t.string('phone_number', 16).nullable();
    t.string('phone_number_id', 64).nullable();
    t.string('business_account_id', 64).nullable();
    t.text('credentials').nullable().comment('AES-256-GCM envelope of the provider secrets');
    t.string('verify_token', 256).nullable();
    t.jsonb('settings').notNullable().defaultTo('{}');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id']);
  });
  // Inbound routing must be unambiguous: one tenant per Meta phone-number id and per business number.
  await knex.raw(
    `CREATE UNIQUE INDEX whatsapp_configurations_phone_number_id_uq ON whatsapp_configurations (phone_number_id) WHERE phone_number_id IS NOT NULL`,
  );
  await knex.raw(
    `CREATE UNIQUE INDEX whatsapp_configurations_provider_phone_uq ON whatsapp_configurations (provider, phone_number) WHERE phone_number IS NOT NULL`,
  );

  await knex.schema.createTable('whatsapp_webhook_events', (t) => {
    id(knex, t);
    t.string('provider', 16).notNullable();
    t.uuid('tenant_id').nullable().references('tenants.id').onDelete('CASCADE');
    t.jsonb('payload').notNullable();
    t.string('signature', 256).nullable();
    t.string('content_hash', 64).notNullable();
    ts(t, 'received_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'processed_at').nullable();
    t.text('error').nullable();
    t.integer('attempts').notNullable().defaultTo(0);
    ts(t, 'available_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'locked_until').nullable();
    t.unique(['provider', 'content_hash']);
  });
  // The inbox scan only ever looks at unprocessed rows; keep that index small.
  await knex.raw(
    `CREATE INDEX whatsapp_webhook_events_pending_idx ON whatsapp_webhook_events (available_at) WHERE processed_at IS NULL`,
  );
  await knex.raw(
    `CREATE INDEX whatsapp_webhook_events_received_idx ON whatsapp_webhook_events (received_at)`,
  );

  await knex.schema.createTable('whatsapp_conversations', (t) => {
    id(knex, t);
    tenant(t);
    t.string('customer_phone', 160)
      .notNullable()
      .comment('E.164, or the business-scoped user id when no phone is shared');
    t.string('customer_user_id', 160).nullable().comment('business-scoped user id (BSUID) when known');
    t.string('customer_name', 200).nullable();
    t.string('state', 32).notNullable().defaultTo('idle');
    t.string('status', 16).notNullable().defaultTo('active');
    t.jsonb('context').notNullable().defaultTo('{}');
    ts(t, 'last_inbound_at').nullable();
    ts(t, 'last_message_at').nullable();
    ts(t, 'expires_at').nullable();
    t.uuid('assigned_to').nullable().references('users.id').onDelete('SET NULL');
    t.integer('unread_count').notNullable().defaultTo(0);
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'customer_phone']);
    t.index(['tenant_id', 'status', 'last_message_at']);
  });
  await knex.raw(
    `CREATE UNIQUE INDEX whatsapp_conversations_one_active_uq ON whatsapp_conversations (tenant_id, customer_phone) WHERE status = 'active'`,
  );

  await knex.schema.createTable('whatsapp_messages', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('conversation_id').nullable().references('whatsapp_conversations.id').onDelete('SET NULL');
    t.string('provider_message_id', 128).nullable();
    t.string('direction', 8).notNullable();
    t.string('type', 32).notNullable();
    t.string('customer_phone', 160)
      .nullable()
      .comment('the other party: sender of inbound, recipient of outbound');
    t.jsonb('content').notNullable().defaultTo('{}');
    t.string('status', 16).notNullable();
    t.jsonb('status_history').notNullable().defaultTo('[]');
    t.string('error_code', 32).nullable();
    t.text('error_title').nullable();
    t.integer('attempts').notNullable().defaultTo(0);
    t.string('reply_to_provider_id', 128).nullable();
    ts(t, 'provider_timestamp').nullable();
    ts(t, 'sent_at').nullable();
    ts(t, 'available_at').nullable().comment('outbound queue: not before');
    ts(t, 'locked_until').nullable().comment('outbound queue: lease of the worker sending it');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'provider_message_id']);
    t.index(['conversation_id', 'created_at']);
    t.index(['tenant_id', 'created_at']);
  });
  await knex.raw(
    `ALTER TABLE whatsapp_messages ADD CONSTRAINT whatsapp_messages_direction_check CHECK (direction IN ('INBOUND','OUTBOUND'))`,
  );
  await knex.raw(
    `ALTER TABLE whatsapp_messages ADD CONSTRAINT whatsapp_messages_status_check CHECK (status IN ('received','queued','sending','sent','delivered','read','failed'))`,
  );
  // Queue scans: only outbound rows waiting to go out.
  await knex.raw(
    `CREATE INDEX whatsapp_messages_outbox_idx ON whatsapp_messages (tenant_id, status, available_at) WHERE direction = 'OUTBOUND' AND status IN ('queued','sending')`,
  );
  await knex.raw(
    `CREATE INDEX whatsapp_messages_sent_at_idx ON whatsapp_messages (sent_at) WHERE sent_at IS NOT NULL`,
  );

  // Statuses that arrive before the message they describe (a webhook can beat our own commit after a send).
  await knex.schema.createTable('whatsapp_pending_statuses', (t) => {
    id(knex, t);
    tenant(t);
    t.string('provider_message_id', 128).notNullable();
    t.string('status', 16).notNullable();
    ts(t, 'occurred_at').notNullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    ts(t, 'received_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'provider_message_id', 'status']);
  });

  await knex.schema.createTable('whatsapp_templates', (t) => {
    id(knex, t);
    tenant(t);
    t.string('name', 512).notNullable();
    t.string('language', 16).notNullable();
    t.string('category', 32).notNullable();
    t.jsonb('components').notNullable().defaultTo('[]');
    t.string('status', 32).notNullable().defaultTo('PENDING');
    t.string('provider_template_id', 128).nullable();
    t.text('rejection_reason').nullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'name', 'language']);
  });

  await knex.schema.createTable('whatsapp_media', (t) => {
    id(knex, t);
    tenant(t);
    t.uuid('message_id').nullable().references('whatsapp_messages.id').onDelete('SET NULL');
    t.string('provider_media_id', 256).nullable();
    t.string('direction', 8).notNullable().defaultTo('INBOUND');
    t.string('mime_type', 128).nullable();
    t.string('filename', 512).nullable();
    t.string('sha256', 88).nullable();
    t.bigInteger('size_bytes').nullable();
    t.string('storage_key', 512).nullable();
    t.string('status', 16).notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.text('error').nullable();
    ts(t, 'available_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'locked_until').nullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'stored_at').nullable();
    t.unique(['tenant_id', 'message_id', 'provider_media_id']);
  });
  await knex.raw(
    `CREATE INDEX whatsapp_media_pending_idx ON whatsapp_media (available_at) WHERE status = 'pending'`,
  );

  await knex.schema.createTable('whatsapp_opt_ins', (t) => {
    tenant(t);
    t.string('phone', 160).notNullable();
    t.string('status', 16).notNullable();
    t.string('source', 64).notNullable();
    ts(t, 'marketing_opted_out_at').nullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    ts(t, 'updated_at').notNullable().defaultTo(knex.fn.now());
    t.primary(['tenant_id', 'phone']);
  });

  await knex.schema.createTable('whatsapp_broadcast_lists', (t) => {
    id(knex, t);
    tenant(t);
    t.string('name', 200).notNullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.unique(['tenant_id', 'name']);
  });
  await knex.schema.createTable('whatsapp_broadcast_list_members', (t) => {
    tenant(t);
    t.uuid('list_id').notNullable().references('whatsapp_broadcast_lists.id').onDelete('CASCADE');
    t.string('phone', 160).notNullable();
    t.string('name', 200).nullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.primary(['list_id', 'phone']);
  });
  await knex.schema.createTable('whatsapp_broadcasts', (t) => {
    id(knex, t);
    tenant(t);
    t.string('template_name', 512).notNullable();
    t.string('template_language', 16).notNullable();
    t.jsonb('params').notNullable().defaultTo('[]');
    t.uuid('list_id').nullable().references('whatsapp_broadcast_lists.id').onDelete('SET NULL');
    t.uuid('trip_id').nullable();
    t.string('status', 16).notNullable().defaultTo('queued');
    t.string('created_by', 200).nullable();
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('whatsapp_broadcast_recipients', (t) => {
    tenant(t);
    t.uuid('broadcast_id').notNullable().references('whatsapp_broadcasts.id').onDelete('CASCADE');
    t.string('phone', 160).notNullable();
    t.uuid('message_id').nullable().references('whatsapp_messages.id').onDelete('SET NULL');
    t.string('status', 24).notNullable();
    t.primary(['broadcast_id', 'phone']);
  });

  await knex.schema.createTable('whatsapp_audit_logs', (t) => {
    id(knex, t);
    tenant(t);
    t.string('actor', 200).notNullable();
    t.string('action', 64).notNullable();
    t.string('entity_type', 32).nullable();
    t.string('entity_id', 128).nullable();
    t.jsonb('details').notNullable().defaultTo('{}');
    ts(t, 'created_at').notNullable().defaultTo(knex.fn.now());
    t.index(['tenant_id', 'created_at']);
    t.index(['tenant_id', 'action', 'created_at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'whatsapp_audit_logs',
    'whatsapp_broadcast_recipients',
    'whatsapp_broadcasts',
    'whatsapp_broadcast_list_members',
    'whatsapp_broadcast_lists',
    'whatsapp_opt_ins',
    'whatsapp_media',
    'whatsapp_templates',
    'whatsapp_pending_statuses',
    'whatsapp_messages',
    'whatsapp_conversations',
    'whatsapp_webhook_events',
    'whatsapp_configurations',
  ])
    await knex.schema.dropTableIfExists(table);
}
