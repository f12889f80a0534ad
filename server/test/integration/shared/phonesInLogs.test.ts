import { Writable } from 'node:stream';
import { expect } from 'chai';
import request from 'supertest';
import { createApp } from '../../../src/app';
import { createContainer } from '../../../src/container';
import { createLogger } from '../../../src/shared/logging/createLogger';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { TestClock } from '../../support/TestClock';
import { testConfig, TEST_ENCRYPTION_KEY } from '../../support/testContainer';

const PHONE = '+5491155550101';

/** SPEC §14: phone numbers are masked in the logs, the access log's URLs included. */
describe('phone numbers in the logs', () => {
  const lines: string[] = [];
  const app = () => {
    const config = testConfig({ LOG_LEVEL: 'info' });
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return createApp(
      createContainer({
        config,
        logger: createLogger('info', stream),
        clock: new TestClock(),
        db: testDb(),
        encryptionKey: TEST_ENCRYPTION_KEY,
      }),
    );
  };
  beforeEach(() => lines.splice(0));

  it('masks the phone of a query string, a path and a wa_id written without "+" in the access log', async () => {
    const tenant = await aTenant();
    const { apiKey } = await aUser(tenant, { role: 'manager' });
    const http = request(app());
    const get = (url: string) => http.get(url).set('authorization', `Bearer ${apiKey}`);
    await get(`/api/v1/conversations?phone=${encodeURIComponent(PHONE)}`).expect(200);
    await get(`/api/v1/opt-ins?phone=${encodeURIComponent('011 5555-0101')}`);
    await http
      .delete(`/api/v1/opt-ins/${encodeURIComponent(PHONE)}`)
      .set('authorization', `Bearer ${apiKey}`);
    await get('/api/v1/opt-ins/5491155550101');
    await get(`/api/v1/opt-ins/${PHONE}`);

    const access = lines.filter((line) => line.includes('request completed'));
    expect(access, 'access log lines').to.have.length(5);
    for (const line of access) {
      expect(line).not.to.match(/1155550101|5555-0101|55550101/);
      expect(line).to.match(/54\*+0101|01\*+0101/);
    }
  });
});
