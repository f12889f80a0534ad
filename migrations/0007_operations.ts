import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // One row per (job, tick): inserting it is how an instance claims the tick (docs/decisions/0010).
  await knex.schema.createTable('job_runs', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.string('job', 64).notNullable();
    t.timestamp('tick', { useTz: true }).notNullable();
    t.string('trigger', 16).notNullable();
    t.string('instance', 160).notNullable();
    t.string('status', 16).notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('finished_at', { useTz: true }).nullable();
    t.jsonb('summary').notNullable().defaultTo('{}');
    t.text('error').nullable();
    t.unique(['job', 'tick']);
    t.index(['started_at']);
  });
  await knex.raw(
    `ALTER TABLE job_runs ADD CONSTRAINT job_runs_status_check CHECK (status IN ('running','succeeded','failed','aborted'))`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('job_runs');
}
