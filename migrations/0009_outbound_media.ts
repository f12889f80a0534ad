import type { Knex } from 'knex';

/**
 * Uploaded files are sent by the provider's media id (SPEC §8). The id goes in
 * `provider_media_id`; these columns say which provider and number it belongs to and when it was
 * uploaded, since Meta's ids expire (about 30 days) and a tenant may change provider or number.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_media', (t) => {
    t.string('upload_provider', 32).nullable();
    t.string('upload_account', 128).nullable();
    t.timestamp('uploaded_at', { useTz: true }).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('whatsapp_media', (t) => {
    t.dropColumn('uploaded_at');
    t.dropColumn('upload_account');
    t.dropColumn('upload_provider');
  });
}
