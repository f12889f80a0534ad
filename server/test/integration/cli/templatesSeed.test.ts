import { expect } from 'chai';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { DEFAULT_TEMPLATES } from '../../../src/modules/template/domain/defaultTemplates';
import { aTenant } from '../../support/builders';
import { testDatabaseUrl, testDb } from '../../support/integrationHooks';
import { TEST_ENCRYPTION_KEY } from '../../support/testContainer';

const DEFAULTS = Object.keys(DEFAULT_TEMPLATES).length;

function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const env = {
    DATABASE_URL: testDatabaseUrl(),
    DATA_DIR: path.join(os.tmpdir(), `wa-ops-cli-${process.pid}`),
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('base64'),
    LOG_LEVEL: 'silent',
  };
  return runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env }).then((code) => ({
    code,
    out,
    err,
  }));
}

describe('wa-ops templates seed', () => {
  it('exits 2 on an unknown option, before touching the database', async () => {
    const { code, err } = await cli('templates', 'seed', '--tenat', 'x');
    expect(code).to.equal(2);
    expect(err.join('\n')).to.match(/Unknown option '--tenat'/);
  });

  describe('against the test database (PostgreSQL only: the embedded one is in this process)', function () {
    before(function () {
      if (!testDatabaseUrl()) this.skip();
    });

    it('seeds a tenant given by slug, in its language, once', async () => {
      const tenant = await aTenant({ slug: 'andes-es', defaultLanguage: 'es' });
      const first = await cli('templates', 'seed', '--tenant', 'andes-es');
      expect(first.code).to.equal(0);
      expect(first.out[0]).to.equal('tenant andes-es, language es');
      expect(first.out.filter((l) => /created .* APPROVED/.test(l))).to.have.length(DEFAULTS);
      const again = await cli('templates', 'seed', '--tenant', tenant.id, '--json');
      expect(JSON.parse(again.out[0])).to.include({ tenant: 'andes-es', language: 'es' });
      expect(JSON.parse(again.out[0]).existing).to.have.length(DEFAULTS);
      expect(await testDb().knex('whatsapp_templates').where({ tenant_id: tenant.id })).to.have.length(
        DEFAULTS,
      );
    });

    it('exits 2 for a tenant that does not exist', async () => {
      const { code, err } = await cli('templates', 'seed', '--tenant', 'nobody');
      expect([code, err[0]]).to.deep.equal([2, 'wa-ops: no tenant "nobody" (see: wa-ops tenants list)']);
    });
  });
});
