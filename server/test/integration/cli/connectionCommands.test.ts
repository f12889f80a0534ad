import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDatabaseUrl, testDb } from '../../support/integrationHooks';
import { TEST_ENCRYPTION_KEY } from '../../support/testContainer';

const knex = () => testDb().knex;
const TOKEN = 'EAAG-cli-secret-token';
const APP_SECRET = 'cli-app-secret-value';
const NEW_TOKEN = 'EAAG-rotated-secret-token';

describe('wa-ops tenants and connections', function () {
  let fake: FakeProviderServer;
  let dir: string;
  const everything: string[] = [];

  async function cli(argv: string[], env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: {
        DATABASE_URL: testDatabaseUrl(),
        DATA_DIR: path.join(os.tmpdir(), `wa-ops-cli-${process.pid}`),
        ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('base64'),
        LOG_LEVEL: 'silent',
        WHATSAPP_API_BASE_URL: fake.url,
        ...env,
      },
    });
    everything.push(...out, ...err);
    return { code, out, err, json: () => JSON.parse(out.join('\n')) };
  }
  const secretFile = (name: string, value: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, `${value}\n`, { mode: 0o600 });
    return file;
  };
  const addMeta = (tenant: string, extra: string[] = []) =>
    cli(
      [
        'connections',
        'add',
        '--tenant',
        tenant,
        '--provider',
        'meta',
        '--phone-number',
        '+15550100199',
        '--phone-number-id',
        '106540352242922',
        '--business-account-id',
        '102938475610293',
        '--access-token-file',
        secretFile('token', TOKEN),
        '--webhook-secret-env',
        'ANDES_APP_SECRET',
        '--json',
        ...extra,
      ],
      { ANDES_APP_SECRET: APP_SECRET },
    );

  before(async function () {
    if (!testDatabaseUrl()) this.skip(); // the embedded database belongs to this process
    fake = await FakeProviderServer.start();
    dir = mkdtempSync(path.join(os.tmpdir(), 'wa-ops-secrets-'));
  });
  after(() => fake?.close());
  afterEach(() => {
    // Whatever a command printed, on success or failure, never carried a secret.
    for (const secret of [TOKEN, APP_SECRET, NEW_TOKEN]) expect(everything.join('\n')).not.to.include(secret);
  });

  it('creates a tenant with a plan, refuses an unknown plan naming the plans, and updates it by slug', async () => {
    const created = await cli([
      'tenants',
      'create',
      '--name',
      'Andes Treks',
      '--slug',
      'andes',
      '--region',
      'ar',
      '--plan',
      'business',
      '--json',
    ]);
    expect(created.code).to.equal(0);
    expect(created.json()).to.include({ slug: 'andes', plan: 'business', defaultRegion: 'AR' });
    const wrong = await cli(['tenants', 'create', '--name', 'Gold', '--plan', 'gold']);
    expect(wrong.code).to.equal(2);
    expect(wrong.err.join('\n')).to.include(
      '--plan must be one of free, starter, professional, business, enterprise',
    );
    const updated = await cli([
      'tenants',
      'update',
      'andes',
      '--plan',
      'starter',
      '--language',
      'es',
      '--json',
    ]);
    expect(updated.code).to.equal(0);
    expect(updated.json()).to.include({ plan: 'starter', defaultLanguage: 'es' });
    const audit = await knex()('whatsapp_audit_logs').where({ action: 'TENANT_UPDATED' }).first();
    expect(audit).to.include({ actor: 'cli', tenant_id: created.json().id });
    expect((await cli(['tenants', 'update', 'nowhere', '--plan', 'free'])).code).to.equal(2);
  });

  it('gives the default tenant the enterprise plan', async () => {
    // A command without --tenant creates the default tenant as the server would.
    await cli(['users', 'create', '--name', 'Marta', '--phone', '+5491160009999', '--role', 'manager']);
    const list = await cli(['tenants', 'list', '--json']);
    expect(list.json().find((t: { slug: string }) => t.slug === 'default').plan).to.equal('enterprise');
  });

  it('adds a Meta number with secrets from a file and a variable, stored encrypted and listed as has…', async () => {
    await cli(['tenants', 'create', '--name', 'Andes', '--slug', 'andes']);
    const added = await addMeta('andes');
    expect(added.code, added.err.join()).to.equal(0);
    expect(added.json()).to.include({
      provider: 'meta',
      hasAccessToken: true,
      hasWebhookSecret: true,
      status: 'active',
    });
    const row = await knex()('whatsapp_configurations').where({ id: added.json().id }).first();
    expect(row.credentials).to.match(/^v1\./);
    const list = await cli(['connections', 'list', '--tenant', 'andes']);
    expect(list.out.join('\n')).to.include(added.json().id).and.include('+15550100199');
    const listed = await cli(['connections', 'list', '--json']);
    expect(listed.json().map((c: { id: string }) => c.id)).to.include(added.json().id);
  });

  it('refuses a secret written on the command line without echoing it (exit 2)', async () => {
    await cli(['tenants', 'create', '--name', 'Andes', '--slug', 'andes']);
    for (const form of [
      ['--access-token', TOKEN],
      [`--access-token=${TOKEN}`],
      ['--webhook-secret', APP_SECRET],
    ]) {
      const refused = await cli(['connections', 'add', '--tenant', 'andes', '--provider', 'meta', ...form]);
      expect(refused.code).to.equal(2);
      expect(refused.err.join('\n')).to.match(
        /use --(access-token|webhook-secret)-file FILE or --\1-env VARIABLE/,
      );
    }
    expect(await knex()('whatsapp_configurations')).to.have.length(0);
  });

  it('names the option of each missing credential, and of an unreadable secret file (exit 2)', async () => {
    await cli(['tenants', 'create', '--name', 'Andes', '--slug', 'andes']);
    const missing = await cli([
      'connections',
      'add',
      '--tenant',
      'andes',
      '--provider',
      'meta',
      '--phone-number',
      '+15550100199',
    ]);
    expect(missing.code).to.equal(2);
    expect(missing.err.join('\n'))
      .to.include('--phone-number-id')
      .and.include('--access-token-file (or -env) is required');
    const unreadable = await cli([
      'connections',
      'add',
      '--tenant',
      'andes',
      '--provider',
      'twilio',
      '--phone-number',
      '+15550100199',
      '--twilio-auth-token-file',
      path.join(dir, 'absent'),
    ]);
    expect(unreadable.code).to.equal(2);
    expect(unreadable.err.join('\n'))
      .to.include('--twilio-auth-token-file: cannot read')
      .and.include('ENOENT');
    const unset = await cli([
      'connections',
      'add',
      '--tenant',
      'andes',
      '--provider',
      'meta',
      '--phone-number',
      '+15550100199',
      '--access-token-env',
      'NOT_SET_ANYWHERE',
    ]);
    expect(unset.err.join('\n')).to.include('the environment variable NOT_SET_ANYWHERE is not set');
  });

  it('rotates a token, tests the number against the provider (exit 1 when it fails) and removes it', async () => {
    await cli(['tenants', 'create', '--name', 'Andes', '--slug', 'andes']);
    const id = (await addMeta('andes')).json().id;
    fake.expiredTokens.add(TOKEN);
    const failed = await cli(['connections', 'test', id]);
    expect(failed.code).to.equal(1);
    expect(failed.out.join('\n'))
      .to.match(/result\s+FAILED/)
      .and.match(/error\s+190: /);
    fake.tokens.add(NEW_TOKEN);
    fake.connections.metaNumbers.set('106540352242922', {
      id: '106540352242922',
      display_phone_number: '+1 555-010-0199',
      verified_name: 'Andes Treks',
      quality_rating: 'GREEN',
      messaging_limit_tier: 'TIER_1K',
    });
    const rotated = await cli([
      'connections',
      'update',
      id,
      '--access-token-file',
      secretFile('new-token', NEW_TOKEN),
    ]);
    expect(rotated.code).to.equal(0);
    const passed = await cli(['connections', 'test', id, '--json']);
    expect(passed.code).to.equal(0);
    expect(passed.json()).to.include({ ok: true, verifiedName: 'Andes Treks', qualityRating: 'GREEN' });
    expect(fake.requestsTo('/v25.0/106540352242922').at(-1)!.headers.authorization).to.equal(
      `Bearer ${NEW_TOKEN}`,
    );
    expect((await cli(['connections', 'remove', id])).code).to.equal(0);
    expect(await knex()('whatsapp_configurations').where({ id })).to.have.length(0);
    const actions = (await knex()('whatsapp_audit_logs').where({ entity_id: id }).orderBy('created_at')).map(
      (a) => a.action,
    );
    expect(actions).to.deep.equal([
      'CONNECTION_ADDED',
      'CONNECTION_TESTED',
      'CONNECTION_UPDATED',
      'CONNECTION_TESTED',
      'CONNECTION_REMOVED',
    ]);
  });

  it('refuses an id that is not a connection id, and a connection another tenant already has', async () => {
    await cli(['tenants', 'create', '--name', 'Andes', '--slug', 'andes']);
    await cli(['tenants', 'create', '--name', 'Other', '--slug', 'other']);
    expect((await cli(['connections', 'test', 'andes'])).code).to.equal(2);
    await addMeta('andes');
    const taken = await addMeta('other');
    expect(taken.code).to.equal(1);
    expect(taken.err.join('\n')).to.include(
      'Already connected: phoneNumberId, phoneNumber, businessAccountId',
    );
  });
});
