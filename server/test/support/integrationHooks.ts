import 'reflect-metadata';
import type { Database } from '../../src/shared/db/Database';
import { createTestDatabase, truncateAll, type TestDatabase } from './testDatabase';

let current: TestDatabase | undefined;

/** The run's database; each test starts with empty tables. */
export function testDb(): Database {
  if (!current) throw new Error('integration hooks not loaded (run through npm run test:integration)');
  return current.db;
}

export function testDatabaseUrl(): string | undefined {
  return current?.url;
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(60_000);
    current = await createTestDatabase();
  },
  async beforeEach() {
    await truncateAll(testDb());
  },
  async afterAll(this: Mocha.Context) {
    // DROP DATABASE waits for a checkpoint, which can take tens of seconds on a busy server.
    this.timeout(120_000);
    await current?.drop();
  },
};
