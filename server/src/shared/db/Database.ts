import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import type { UnitOfWork } from '../UnitOfWork';

export type DatabaseKind = 'postgres' | 'embedded';

/**
 * The knex handle plus the ambient transaction. Repositories query through `q`: inside
 * `run(…)` that is the transaction, outside it the pool. The embedded database has a single
 * connection, so a query that bypassed the open transaction would wait on it forever —
 * carrying the transaction implicitly makes that mistake impossible (docs/decisions/0003).
 */
export class Database implements UnitOfWork {
  private readonly ambient = new AsyncLocalStorage<Knex.Transaction>();

  constructor(
    readonly knex: Knex,
    readonly kind: DatabaseKind,
    private readonly onClose: () => Promise<void> = async () => undefined,
  ) {}

  get q(): Knex | Knex.Transaction {
    return this.ambient.getStore() ?? this.knex;
  }

  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  /** Runs `work` in one transaction; nested calls join the outer one. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.knex.transaction((trx) => this.ambient.run(trx, work));
  }

  async close(): Promise<void> {
    await this.knex.destroy();
    await this.onClose();
  }
}
