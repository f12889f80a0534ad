import crypto from 'node:crypto';
import { expect } from 'chai';
import knexFactory, { type Knex } from 'knex';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { createContainer } from '../../../src/container';
import type { Database } from '../../../src/shared/db/Database';
import { openDatabase } from '../../../src/shared/db/openDatabase';
import { createLogger } from '../../../src/shared/logging/createLogger';
import { testDatabaseUrl } from '../../support/integrationHooks';
import { TestClock } from '../../support/TestClock';
import { testConfig, TEST_ENCRYPTION_KEY } from '../../support/testContainer';

/**
 * A database that refuses connections for a while answers with a SQLSTATE, not a network error:
 * 53300 (too many connections), 55000 (not accepting connections). Both are "retry later": 503
 * with Retry-After, on the API and the webhooks alike.
 */
describe('database unavailable by SQLSTATE', function () {
  let admin: Knex;
  let closedDatabase: string;
  let limitedRole: string;
  const opened: Database[] = [];

  before(async function () {
    const url = testDatabaseUrl();
    if (!url) this.skip(); // the embedded database has no roles nor connection limits
    admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
    const suffix = crypto.randomBytes(3).toString('hex');
    closedDatabase = `wa_ops_test_closed_${suffix}`;
    limitedRole = `wa_ops_test_limited_${suffix}`;
    await admin.raw('CREATE DATABASE ?? WITH ALLOW_CONNECTIONS false', [closedDatabase]);
    await admin.raw('CREATE ROLE ?? LOGIN CONNECTION LIMIT 0', [limitedRole]);
  });

  after(async () => {
    await Promise.all(opened.map((db) => db.close()));
    if (!admin) return;
    await admin.raw('DROP DATABASE IF EXISTS ??', [closedDatabase]);
    await admin.raw('DROP ROLE IF EXISTS ??', [limitedRole]);
    await admin.destroy();
  });

  async function appOn(change: (url: URL) => void) {
    const url = new URL(testDatabaseUrl()!);
    change(url);
    const db = await openDatabase({ url: url.toString() });
    opened.push(db);
    const config = testConfig();
    return createApp(
      createContainer({
        config,
        logger: createLogger(config.logLevel),
        clock: new TestClock(),
        db,
        encryptionKey: TEST_ENCRYPTION_KEY,
      }),
    );
  }

  const cases: Array<[string, (url: URL) => void]> = [
    ['55000, a database not accepting connections', (url) => (url.pathname = `/${closedDatabase}`)],
    ['53300, too many connections for the role', (url) => (url.username = limitedRole)],
  ];
  for (const [sqlstate, change] of cases)
    it(`answers 503 with Retry-After for ${sqlstate}`, async () => {
      const app = await appOn(change);
      const api = await request(app).get('/api/v1/me').set('authorization', 'Bearer wao_whatever');
      expect(api.status, JSON.stringify(api.body)).to.equal(503);
      expect(api.headers['retry-after']).to.equal('5');
      expect(api.body).to.include({ code: 'UNAVAILABLE' });
      const webhook = await request(app)
        .post('/api/whatsapp/webhook')
        .set('content-type', 'application/json')
        .set('x-hub-signature-256', `sha256=${'0'.repeat(64)}`)
        .send('{"object":"whatsapp_business_account","entry":[]}');
      expect(webhook.status).to.equal(503);
    });
});
