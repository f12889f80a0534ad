import type { Knex } from 'knex';

/**
 * The payment page (`/pay/<ref>?t=<token>`) is public and names no tenant: it finds the booking
 * by its payment token, which this index serves (instead of reading every tenant's bookings).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `CREATE INDEX bookings_payment_token_idx ON bookings (payment_token) WHERE payment_token IS NOT NULL`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`DROP INDEX bookings_payment_token_idx`);
}
