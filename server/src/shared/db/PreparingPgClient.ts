import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import type { Knex } from 'knex';

// knex's PostgreSQL client, which this one extends; knex exports its class only by path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const KnexPgClient = require('knex/lib/dialects/postgres') as new (config: Knex.Config) => {
  _query(connection: PgConnection, query: KnexQuery): Promise<unknown>;
};

/** A `pg` client as knex hands it over (one connection of the pool). */
type PgConnection = object;

interface KnexQuery {
  sql: string;
  bindings?: readonly unknown[];
  options?: Record<string, unknown>;
}

/** Statements one connection keeps prepared at most; later new texts run unnamed on it. */
export const PREPARED_PER_CONNECTION = 300;

/** SQLSTATE 0A000 with this text: a prepared SELECT * whose table changed (a migration ran). */
const RESULT_TYPE_CHANGED = /cached plan must not change result type/;
/** SQLSTATE 26000: the server does not know the name (a transaction pooler without support for them). */
const UNKNOWN_STATEMENT = '26000';

const preparing = new AsyncLocalStorage<true>();

/**
 * Runs `work` with its statements prepared (on a server through `preparingPgClient`). Only for
 * statements whose best plan does not depend on their values (lookups by id or key): after five
 * runs PostgreSQL may keep one generic plan for a prepared statement, which for a search
 * pattern (`ILIKE '%…%'`) is far slower than the plan made for each pattern.
 */
export function withPreparedStatements<T>(work: () => PromiseLike<T>): Promise<T> {
  // Awaited inside: a knex query is lazy, it starts only when awaited (and must start in here).
  return preparing.run(true, async () => await work());
}

/** Runs `work` (and what it starts) with its statements unnamed again, e.g. after-commit hooks. */
export function withoutPreparedStatements<T>(work: () => T): T {
  return preparing.exit(work);
}

/**
 * knex's PostgreSQL client with server-side prepared statements (docs/decisions/0027): inside
 * `withPreparedStatements`, a statement with parameters is named after a hash of its text, so
 * PostgreSQL parses and plans it once per connection instead of on every call (about a third of
 * its time on the inbound path went to that). The same text always gets the same name, so a pooler
 * that moves names between connections never runs one text under another's name. A migration that
 * changes a prepared statement's result columns makes it fail once: the names then change (a new
 * generation is parsed again). A server that does not know a name it was given (a transaction
 * pooler that does not keep them) fails it once and turns preparing off for the process, after
 * telling `onDisabled`. Either failure is the caller's to retry, like any other (the inbox
 * processor redoes the transaction's events).
 */
export function preparingPgClient(onDisabled: (error: unknown) => void = () => undefined) {
  // Shared by the client and the copies knex makes of it for transactions (which get none of its fields).
  const statements = new StatementNames(onDisabled);
  return class PreparingPgClient extends KnexPgClient {
    override _query(connection: PgConnection, query: KnexQuery): Promise<unknown> {
      const name =
        preparing.getStore() && query.bindings?.length ? statements.nameOn(connection, query.sql) : undefined;
      if (!name) return super._query(connection, query);
      return super
        ._query(connection, { ...query, options: { ...query.options, name } })
        .catch((error: unknown) => {
          statements.failed(error);
          throw error;
        });
    }
  };
}

/** The names given to statement texts, and which each connection has prepared. */
class StatementNames {
  private generation = 0;
  private enabled = true;
  private readonly names = new Map<string, string>();
  private readonly prepared = new WeakMap<PgConnection, Set<string>>();

  constructor(private readonly onDisabled: (error: unknown) => void) {}

  /** The name to run `sql` under on `connection`; none when preparing is off or the connection is full. */
  nameOn(connection: PgConnection, sql: string): string | undefined {
    if (!this.enabled) return undefined;
    let name = this.names.get(sql);
    if (!name) {
      if (this.names.size >= 10 * PREPARED_PER_CONNECTION) this.names.clear();
      name = `wa_${this.generation}_${crypto.createHash('sha1').update(sql).digest('base64url')}`;
      this.names.set(sql, name);
    }
    let names = this.prepared.get(connection);
    if (!names) this.prepared.set(connection, (names = new Set()));
    if (names.has(name)) return name;
    if (names.size >= PREPARED_PER_CONNECTION) return undefined;
    names.add(name);
    return name;
  }

  /** Learns from an error that came from a statement's name, so the next attempt does not meet it. */
  failed(error: unknown): void {
    const { code, message } = (error ?? {}) as { code?: string; message?: string };
    if (code === UNKNOWN_STATEMENT) {
      if (this.enabled) this.onDisabled(error);
      this.enabled = false;
    } else if (code === '0A000' && RESULT_TYPE_CHANGED.test(message ?? '')) {
      this.generation++;
      this.names.clear();
    }
  }
}
