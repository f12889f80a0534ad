import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import type { UnitOfWork } from '../UnitOfWork';
import { withoutPreparedStatements, withPreparedStatements } from './PreparingPgClient';

export type DatabaseKind = 'postgres' | 'embedded';

type Hook = () => Promise<void> | void;

/** The open transaction and what is to run at its end. */
interface TransactionScope {
  trx: Knex.Transaction;
  beforeCommit: Hook[];
  /** Hooks that take a lock held to the commit: they run after every other hook. */
  lastBeforeCommit: Hook[];
  afterCommit: Array<() => void>;
  /** Reads made once for the whole transaction (`once`). */
  memo: Map<string, Promise<unknown>>;
}

/** When a before-commit hook runs: with the others in the order they were added, or after all of them. */
export type HookOrder = 'normal' | 'last';

/**
 * The knex handle plus the ambient transaction. Repositories query through `q`: inside
 * `run(…)` that is the transaction, outside it the pool. The embedded database has a single
 * connection, so a query that bypassed the open transaction would wait on it forever —
 * carrying the transaction implicitly makes that mistake impossible (docs/decisions/0003).
 */
export class Database implements UnitOfWork {
  private readonly ambient = new AsyncLocalStorage<TransactionScope>();

  constructor(
    readonly knex: Knex,
    readonly kind: DatabaseKind,
    private readonly onClose: () => Promise<void> = async () => undefined,
    /** postgres://… of a server (for connections of its own, e.g. LISTEN); none when embedded. */
    readonly url?: string,
  ) {}

  get q(): Knex | Knex.Transaction {
    return this.ambient.getStore()?.trx ?? this.knex;
  }

  get inTransaction(): boolean {
    return this.ambient.getStore() !== undefined;
  }

  /** Runs `work` in one transaction; nested calls join the outer one. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    let scope: TransactionScope | undefined;
    const result = this.knex.transaction((trx) => {
      const open: TransactionScope = {
        trx,
        beforeCommit: [],
        lastBeforeCommit: [],
        afterCommit: [],
        memo: new Map(),
      };
      scope = open;
      return this.ambient.run(open, async () => {
        const value = await work();
        // A hook may add another (e.g. a flush that records more): run until none is left.
        const next = () => open.beforeCommit.shift() ?? open.lastBeforeCommit.shift();
        for (let hook = next(); hook; hook = next()) await hook();
        return value;
      });
    });
    return result.then((value) => {
      // What a hook starts (a worker's drain) is not the transaction's work: its statements are its own.
      for (const hook of scope?.afterCommit ?? []) withoutPreparedStatements(hook);
      return value;
    });
  }

  /**
   * `run` for work whose statements are lookups by id or key (the inbox's processing): on
   * PostgreSQL they are prepared, parsed and planned once per connection (docs/decisions/0027).
   */
  runPrepared<T>(work: () => Promise<T>): Promise<T> {
    return withPreparedStatements(() => this.run(work));
  }

  /**
   * Runs `hook` in the open transaction after its work, just before it commits (last writes).
   * A hook whose statement locks a hot row until the commit (a per-tenant counter) is `last`:
   * every other statement of the transaction is then already done, so the lock is held for the
   * commit only and other transactions of the tenant wait as little as possible.
   */
  beforeCommit(hook: Hook, order: HookOrder = 'normal'): void {
    const scope = this.scope('beforeCommit');
    (order === 'last' ? scope.lastBeforeCommit : scope.beforeCommit).push(hook);
  }

  /** Runs `hook` once the open transaction has committed (never after a rollback); it must not throw. */
  afterCommit(hook: () => void): void {
    this.scope('afterCommit').afterCommit.push(hook);
  }

  /**
   * What `load` reads, read once per transaction: later calls with the same key in the same
   * transaction get the first answer without a statement (outside a transaction `load` runs every
   * time). Code that changes what a key reads `forget`s it in the same transaction.
   */
  once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const memo = this.ambient.getStore()?.memo;
    if (!memo) return load();
    let value = memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = load();
      memo.set(key, value);
    }
    return value;
  }

  /** Answers a later `once(key)` of the open transaction with `value` (a read that found it on the way). */
  remember(key: string, value: unknown): void {
    this.ambient.getStore()?.memo.set(key, Promise.resolve(value));
  }

  forget(key: string): void {
    this.ambient.getStore()?.memo.delete(key);
  }

  /** What belongs to the open transaction: the same object for every query of one `run`. */
  get transactionKey(): object | undefined {
    return this.ambient.getStore();
  }

  private scope(what: string): TransactionScope {
    const scope = this.ambient.getStore();
    if (!scope) throw new Error(`${what} needs an open transaction (Database.run)`);
    return scope;
  }

  async close(): Promise<void> {
    await this.knex.destroy();
    await this.onClose();
  }
}
