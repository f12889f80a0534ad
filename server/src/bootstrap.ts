import path from 'node:path';
import type { Container } from 'inversify';
import type { Config } from './config';
import { createContainer } from './container';
import { systemClock } from './shared/clock/Clock';
import { loadOrCreateEmbeddedKey } from './shared/crypto/encryptionKey';
import type { Database } from './shared/db/Database';
import { lockEmbeddedDatabase } from './shared/db/embeddedLock';
import { migrateToLatest } from './shared/db/migrate';
import { openDatabase } from './shared/db/openDatabase';
import type { Logger } from './shared/logging/createLogger';
import { assertKeyReadsCredentials } from './modules/connection/infrastructure/assertKeyReadsCredentials';

export interface Runtime {
  container: Container;
  db: Database;
  /** Where the embedded database lives, when it is used. */
  embeddedDir?: string;
}

/**
 * Opens the database, brings the schema up to date, checks the encryption key against the stored
 * credentials and builds the container. Shared by server and CLI.
 */
export async function bootstrap(config: Config, logger: Logger): Promise<Runtime> {
  const embeddedDir = config.databaseUrl ? undefined : path.resolve(config.dataDir, 'pgdata');
  const release = embeddedDir ? lockEmbeddedDatabase(embeddedDir) : () => undefined;
  let db: Database;
  try {
    db = await openDatabase({ url: config.databaseUrl, embeddedDir, logger, onClose: release });
  } catch (error) {
    release();
    throw error;
  }
  try {
    const applied = await migrateToLatest(db.knex);
    if (applied.length) logger.info({ migrations: applied }, 'database migrated');
    const encryptionKey = config.encryptionKey ?? loadOrCreateEmbeddedKey(path.resolve(config.dataDir));
    const keySource = config.encryptionKey
      ? 'ENCRYPTION_KEY'
      : `the key in ${path.resolve(config.dataDir, 'encryption.key')}`;
    await assertKeyReadsCredentials(db.knex, encryptionKey, keySource);
    const container = createContainer({ config, logger, clock: systemClock, db, encryptionKey });
    return { container, db, embeddedDir };
  } catch (error) {
    await db.close();
    throw error;
  }
}
