import { expect } from 'chai';
import { testDb } from '../../support/integrationHooks';

const TABLE = 'row_counts_probe';

/** Repositories decide 404 or not from these counts; both databases must answer the same. */
describe('row counts of delete and increment', () => {
  beforeEach(async () => {
    await testDb().knex.schema.dropTableIfExists(TABLE);
    await testDb().knex.schema.createTable(TABLE, (t) => {
      t.integer('id').primary();
      t.integer('n').notNullable().defaultTo(0);
    });
    await testDb()
      .knex(TABLE)
      .insert([1, 2, 3, 4].map((id) => ({ id })));
  });
  afterEach(() => testDb().knex.schema.dropTableIfExists(TABLE));

  it('answers the number of rows deleted or incremented, outside and inside a transaction', async () => {
    const db = testDb();
    expect(await db.q(TABLE).where({ id: 1 }).delete()).to.equal(1);
    expect(await db.q(TABLE).where({ id: 1 }).delete()).to.equal(0);
    expect(await db.q(TABLE).whereIn('id', [2, 3]).increment('n', 1)).to.equal(2);
    await db.run(async () => {
      expect(await db.q(TABLE).where({ id: 2 }).delete()).to.equal(1);
      expect(await db.q(TABLE).where({ id: 2 }).delete()).to.equal(0);
      expect(await db.q(TABLE).where({ id: 3 }).decrement('n', 1)).to.equal(1);
    });
    expect(await db.q(TABLE).where({ id: 4 }).delete().returning('id')).to.deep.equal([{ id: 4 }]);
    expect(await db.q(TABLE).select('id', 'n')).to.deep.equal([{ id: 3, n: 0 }]);
  });
});
