import { expect } from 'chai';
import { cliRunner, type CliRun } from '../../support/cliRunner';

const SQL = /select |insert |update |delete |\$1/i;

describe('wa-ops: tenants, users and exit codes', function () {
  this.timeout(60_000);
  const cli = cliRunner();
  after(() => cli.dispose());

  const userArgs = (phone: string, ...more: string[]) => [
    'users',
    'create',
    '--name',
    'Lucía',
    '--phone',
    phone,
    ...more,
  ];
  const oneLine = (run: CliRun) => {
    expect(run.err, run.err.join('\n')).to.have.length(1);
    expect(run.err[0]).not.to.match(SQL);
    return run.err[0];
  };

  it('exits 2 for a role that does not exist, naming the roles', async () => {
    const run = await cli.run(userArgs('+5491112340001', '--role', 'admin'));
    expect(run.code).to.equal(2);
    expect(oneLine(run)).to.equal('wa-ops: role must be one of sales, operations, field_staff, manager');
  });

  it('exits 2 for a phone that is not one', async () => {
    const run = await cli.run(userArgs('notaphone', '--role', 'sales'));
    expect(run.code).to.equal(2);
    expect(oneLine(run)).to.match(/phone/i);
  });

  it('exits 2 for a missing option and for an unknown command', async () => {
    expect((await cli.run(['users', 'create', '--name', 'x'])).code).to.equal(2);
    expect((await cli.run(['users', 'delete'])).code).to.equal(2);
    expect((await cli.run([])).code).to.equal(2);
    expect((await cli.run(['help'])).code).to.equal(0);
  });

  it('takes the tenant by slug or by id, and refuses an unknown one without printing SQL', async () => {
    const created = await cli.run(['tenants', 'create', '--name', 'Andes Treks', '--region', 'AR', '--json']);
    expect(created.code).to.equal(0);
    const tenant = JSON.parse(created.out[0]) as { id: string; slug: string };
    expect(tenant.slug).to.equal('andes-treks');

    const bySlug = await cli.run(
      userArgs('11 1234-0002', '--role', 'field_staff', '--tenant', 'andes-treks', '--json'),
    );
    expect(bySlug.code, bySlug.err.join()).to.equal(0);
    expect(JSON.parse(bySlug.out[0])).to.include({
      tenantId: tenant.id,
      phone: '+5491112340002',
      role: 'field_staff',
    });
    expect(JSON.parse(bySlug.out[0]).apiKey).to.match(/^wao_/);

    const byId = await cli.run(
      userArgs('+5491112340003', '--role', 'sales', '--tenant', tenant.id, '--json'),
    );
    expect(byId.code, byId.err.join()).to.equal(0);
    expect(JSON.parse(byId.out[0])).to.include({ tenantId: tenant.id });

    for (const given of ['nobody', '1234', '00000000-0000-4000-8000-000000000000']) {
      const run = await cli.run(userArgs('+5491112340004', '--role', 'sales', '--tenant', given));
      expect(run.code, given).to.equal(2);
      expect(oneLine(run)).to.equal(`wa-ops: no tenant "${given}" (see: wa-ops tenants list)`);
    }
  });

  it('creates the default tenant for users created without --tenant, as the server would', async () => {
    const run = await cli.run(userArgs('+5491112340005', '--role', 'manager', '--json'));
    expect(run.code, run.err.join()).to.equal(0);
    const list = await cli.run(['tenants', 'list', '--json']);
    const defaultTenant = (JSON.parse(list.out[0]) as Array<{ id: string; slug: string }>).find(
      (t) => t.slug === 'default',
    );
    expect(JSON.parse(run.out[0]).tenantId).to.equal(defaultTenant?.id);
  });

  it('exits 1 when the work fails: a user who already exists', async () => {
    expect((await cli.run(userArgs('+5491112340006', '--role', 'sales'))).code).to.equal(0);
    const again = await cli.run(userArgs('+5491112340006', '--role', 'sales'));
    expect(again.code).to.equal(1);
    expect(oneLine(again)).to.equal('wa-ops: A user with this phone already exists in the tenant');
  });

  it('updates a tenant’s name, language and region by slug', async () => {
    await cli.run(['tenants', 'create', '--name', 'Pay Co', '--slug', 'pay-co']);
    const updated = await cli.run([
      'tenants',
      'update',
      'pay-co',
      '--name',
      'Pay Company',
      '--region',
      'ar',
      '--json',
    ]);
    expect(updated.code, updated.err.join()).to.equal(0);
    expect(JSON.parse(updated.out[0])).to.deep.include({ name: 'Pay Company', defaultRegion: 'AR' });
  });

  it('sets a tenant’s time zone at creation and changes it, refusing one that does not exist', async () => {
    const created = await cli.run([
      'tenants',
      'create',
      '--name',
      'Andes Time',
      '--timezone',
      'America/Argentina/Buenos_Aires',
      '--json',
    ]);
    expect(created.code, created.err.join()).to.equal(0);
    expect(JSON.parse(created.out[0])).to.include({ timezone: 'America/Argentina/Buenos_Aires' });
    const moved = await cli.run(['tenants', 'update', 'andes-time', '--timezone', 'Europe/Madrid', '--json']);
    expect(moved.code, moved.err.join()).to.equal(0);
    expect(JSON.parse(moved.out[0])).to.include({ timezone: 'Europe/Madrid' });
    const bad = await cli.run(['tenants', 'update', 'andes-time', '--timezone', 'Mars/Olympus_Mons']);
    expect(bad.code).to.equal(2);
    expect(oneLine(bad)).to.match(/--timezone must be an IANA time zone/);
    expect((await cli.run(['tenants', 'create', '--name', 'Nowhere', '--timezone', 'GMT+99'])).code).to.equal(
      2,
    );
  });

  it('refuses a tenant update with nothing to change or a bad value (exit 2)', async () => {
    await cli.run(['tenants', 'create', '--name', 'Strict', '--slug', 'strict']);
    expect((await cli.run(['tenants', 'update', 'strict'])).code).to.equal(2);
    expect((await cli.run(['tenants', 'update'])).code).to.equal(2);
    const bad = await cli.run(['tenants', 'update', 'strict', '--region', 'Argentina']);
    expect(bad.code).to.equal(2);
    expect(oneLine(bad)).to.match(/region must be a two-letter country code/);
  });

  it('generates a key with no valid environment at all, the line ready for .env', async () => {
    const run = await cli.run(['keys', 'generate'], {
      DATABASE_URL: 'postgres://x@y/z',
      ENCRYPTION_KEY: undefined,
    });
    expect(run.code).to.equal(0);
    expect(run.out).to.have.length(1);
    const [, key] = /^ENCRYPTION_KEY=([A-Za-z0-9+/=]{44})$/.exec(run.out[0]) ?? [];
    expect(Buffer.from(key, 'base64')).to.have.length(32);
    expect(run.err.join('\n')).to.match(/Keep this key/);
  });

  it('stops, in one line with exit 1, when the key cannot read the stored credentials', async () => {
    await cli.run(userArgs('+5491112340007', '--role', 'sales')); // stores the default tenant's configuration
    const { out } = await cli.run(['keys', 'generate']);
    const other = out[0].slice('ENCRYPTION_KEY='.length);
    const run = await cli.run(['tenants', 'list'], { ENCRYPTION_KEY: other });
    expect(run.code).to.equal(1);
    expect(oneLine(run)).to.match(
      /^wa-ops: ENCRYPTION_KEY cannot decrypt the credentials stored in the database \(\d+ of \d+ WhatsApp configurations\)/,
    );
  });
});
