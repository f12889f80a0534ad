import { expect } from 'chai';
import type { Database } from '../../../src/shared/db/Database';
import { openDatabase } from '../../../src/shared/db/openDatabase';
import { PREPARED_PER_CONNECTION, withPreparedStatements } from '../../../src/shared/db/PreparingPgClient';
import { testDatabaseUrl } from '../../support/integrationHooks';

const TABLE = 'prepared_statements_probe';

/** The statements the connection has prepared, by text (the pool has one connection, so it is always the same). */
async function preparedOn(db: Database): Promise<Map<string, string>> {
  const { rows } = await db.knex.raw<{ rows: Array<{ name: string; statement: string }> }>(
    'SELECT name, statement FROM pg_prepared_statements',
  );
  return new Map(rows.map((r) => [r.statement, r.name]));
}

/** A statement of work that a hook starts after the commit (another text than the transaction's). */
const withoutTransaction = async (db: Database) => await db.knex(TABLE).where('id', '>', 0).first();

const errorOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as { code?: string },
  );

describe('prepared statements on PostgreSQL', () => {
  let db: Database;
  const warnings: unknown[] = [];

  beforeEach(async function () {
    const url = testDatabaseUrl();
    if (!url) this.skip(); // the embedded database runs every statement in-process
    warnings.length = 0;
    db = await openDatabase({
      url,
      poolMax: 1,
      logger: {
        warn: (...args: unknown[]) => warnings.push(args),
        error: () => undefined,
        debug: () => undefined,
      },
    });
    await db.knex.raw(`DROP TABLE IF EXISTS ${TABLE}`);
    await db.knex.raw(`CREATE TABLE ${TABLE} (id int PRIMARY KEY)`);
    await db.knex(TABLE).insert([{ id: 1 }, { id: 2 }]);
  });

  afterEach(async () => {
    if (!db) return;
    await db.knex.raw(`DROP TABLE IF EXISTS ${TABLE}`);
    await db.close();
  });

  it('prepares a statement with parameters once, under a name made from its text; one without runs unnamed', async () => {
    for (const id of [1, 2, 1])
      expect(await withPreparedStatements(() => db.knex(TABLE).where({ id }).first())).to.deep.equal({ id });
    const prepared = await preparedOn(db);
    const select = [...prepared].filter(([statement]) =>
      statement.includes(`from "${TABLE}" where "id" = $1`),
    );
    expect(select).to.have.length(1);
    expect(select[0][1]).to.match(/^wa_0_/);
    expect([...prepared.keys()].some((statement) => statement.includes('pg_prepared_statements'))).to.equal(
      false,
    );
  });

  it('prepares nothing outside withPreparedStatements (a search’s plan depends on its pattern)', async () => {
    await db.knex(TABLE).where({ id: 1 }).first();
    await db.run(() => db.q(TABLE).where({ id: 2 }).first());
    expect((await preparedOn(db)).size).to.equal(0);
    let afterCommit: Promise<unknown> | undefined;
    await db.runPrepared(async () => {
      await db.q(TABLE).where({ id: 2 }).first();
      db.afterCommit(() => (afterCommit = withoutTransaction(db)));
    });
    await afterCommit;
    expect([...(await preparedOn(db)).keys()]).to.deep.equal([
      `select * from "${TABLE}" where "id" = $1 limit $2`,
    ]);
  });

  it('fails once when a migration changes a prepared statement’s columns, then prepares it again', async () => {
    const select = () => db.runPrepared(() => db.q(TABLE).where({ id: 1 }).first());
    expect(await select()).to.deep.equal({ id: 1 });
    await db.knex.raw(`ALTER TABLE ${TABLE} ADD COLUMN label text`);

    expect(await errorOf(select())).to.include({ code: '0A000' });
    expect(await select()).to.deep.equal({ id: 1, label: null });
    expect(await select()).to.deep.equal({ id: 1, label: null });
    expect([...(await preparedOn(db)).values()].some((name) => name.startsWith('wa_1_'))).to.equal(true);
  });

  it('fails once, says so and runs without names when the server does not know one it was given', async () => {
    const select = (id: number) => db.runPrepared(() => db.q(TABLE).where({ id }).first());
    expect(await select(2)).to.deep.equal({ id: 2 });
    // What a transaction pooler that does not keep prepared statements looks like to the client.
    await db.knex.raw('DEALLOCATE ALL');

    expect(await errorOf(select(2))).to.include({ code: '26000' });
    expect(warnings).to.have.length(1);
    expect(await select(2)).to.deep.equal({ id: 2 });
    expect(await select(1)).to.deep.equal({ id: 1 });
    expect((await preparedOn(db)).size).to.equal(0);
  });

  it(`keeps at most ${PREPARED_PER_CONNECTION} statements prepared on a connection`, async () => {
    await withPreparedStatements(async () => {
      for (let n = 0; n <= PREPARED_PER_CONNECTION; n++)
        await db
          .knex(TABLE)
          .where({ id: 1 })
          .first(db.knex.raw(`${n} AS n`));
    });
    expect((await preparedOn(db)).size).to.equal(PREPARED_PER_CONNECTION);
  });
});
