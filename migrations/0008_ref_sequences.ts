import type { Knex } from 'knex';

/**
 * LD-/Q-/BK-/INC- refs come from one PostgreSQL sequence per (tenant, kind) instead of a counter row.
 * The counter row was locked from allocation until the caller's commit, so every lead, quote,
 * booking and incident of a tenant waited for the previous one's whole transaction; `nextval`
 * never blocks. The price is gaps (a rolled-back change or a lost race keeps its number), see
 * docs/decisions/0008-ref-sequences.md. The kinds are fixed here on purpose: a new kind needs a
 * migration that replaces `create_ref_sequences` and creates its sequences.
 */
const KINDS = ['ld', 'q', 'bk', 'inc'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION ref_sequence_name(tenant uuid, kind text) RETURNS text
      LANGUAGE sql IMMUTABLE
      AS $$ SELECT 'ref_' || lower(kind) || '_' || replace(tenant::text, '-', '') $$`);
  await knex.raw(`
    CREATE FUNCTION next_ref_value(tenant uuid, kind text) RETURNS bigint
      LANGUAGE sql
      AS $$ SELECT nextval(ref_sequence_name(tenant, kind)::regclass) $$`);
  // Sequences live and die with their tenant (DDL is transactional: a rolled-back tenant leaves none).
  await knex.raw(`
    CREATE FUNCTION create_ref_sequences() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE kind text;
    BEGIN
      FOREACH kind IN ARRAY ARRAY[${KINDS.map((k) => `'${k}'`).join(', ')}] LOOP
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', ref_sequence_name(NEW.id, kind));
      END LOOP;
      RETURN NEW;
    END $$`);
  await knex.raw(`
    CREATE FUNCTION drop_ref_sequences() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE kind text;
    BEGIN
      FOREACH kind IN ARRAY ARRAY[${KINDS.map((k) => `'${k}'`).join(', ')}] LOOP
        EXECUTE format('DROP SEQUENCE IF EXISTS %I', ref_sequence_name(OLD.id, kind));
      END LOOP;
      RETURN OLD;
    END $$`);
  await knex.raw(
    `CREATE TRIGGER tenants_create_ref_sequences AFTER INSERT ON tenants FOR EACH ROW EXECUTE FUNCTION create_ref_sequences()`,
  );
  await knex.raw(
    `CREATE TRIGGER tenants_drop_ref_sequences AFTER DELETE ON tenants FOR EACH ROW EXECUTE FUNCTION drop_ref_sequences()`,
  );

  // Existing tenants: their sequences continue after the numbers already handed out.
  const tenants = await knex('tenants').select<{ id: string }[]>('id');
  const counters =
    await knex('ref_counters').select<{ tenant_id: string; kind: string; last_value: string }[]>();
  for (const { id } of tenants)
    for (const kind of KINDS) {
      const last = counters.find((c) => c.tenant_id === id && c.kind.toLowerCase() === kind);
      const start = Number(last?.last_value ?? 0) + 1;
      const { rows } = await knex.raw(`SELECT ref_sequence_name(?, ?) AS name`, [id, kind]);
      await knex.raw(`CREATE SEQUENCE ?? START WITH ${start}`, [rows[0].name]);
    }
  await knex.schema.dropTable('ref_counters');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.createTable('ref_counters', (t) => {
    t.uuid('tenant_id').notNullable().references('tenants.id').onDelete('CASCADE');
    t.string('kind', 8).notNullable();
    t.bigInteger('last_value').notNullable().defaultTo(0);
    t.primary(['tenant_id', 'kind']);
  });
  const tenants = await knex('tenants').select<{ id: string }[]>('id');
  for (const { id } of tenants)
    for (const kind of KINDS) {
      const { rows } = await knex.raw(`SELECT ref_sequence_name(?, ?) AS name`, [id, kind]);
      const name = rows[0].name as string;
      const seq = await knex.raw(`SELECT last_value, is_called FROM ??`, [name]);
      const { last_value: lastValue, is_called: called } = seq.rows[0];
      if (called)
        await knex('ref_counters').insert({ tenant_id: id, kind: kind.toUpperCase(), last_value: lastValue });
      await knex.raw(`DROP SEQUENCE ??`, [name]);
    }
  await knex.raw('DROP TRIGGER tenants_drop_ref_sequences ON tenants');
  await knex.raw('DROP TRIGGER tenants_create_ref_sequences ON tenants');
  await knex.raw('DROP FUNCTION drop_ref_sequences()');
  await knex.raw('DROP FUNCTION create_ref_sequences()');
  await knex.raw('DROP FUNCTION next_ref_value(uuid, text)');
  await knex.raw('DROP FUNCTION ref_sequence_name(uuid, text)');
}
