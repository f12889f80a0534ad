import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { createApp } from '../../../src/app';
import { runCli } from '../../../src/cli/main';
import type { EnsureDefaultTenant } from '../../../src/modules/identity/application/EnsureDefaultTenant';
import { TYPES } from '../../../src/types';
import { startBackgroundWorkers } from '../../../src/workers';
import { testDb } from '../../support/integrationHooks';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import { aUser } from '../../support/builders';
import { TEST_ENCRYPTION_KEY, testContainer } from '../../support/testContainer';
import { aTrip, anAssignment } from '../../support/tripBuilders';

const CLI_ENV = { ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.toString('base64'), LOG_LEVEL: 'silent' };

async function cli(args: string[], env: Record<string, string> = CLI_ENV) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l), env });
  return { code, out, err };
}

describe('wa-ops simulate', () => {
  let server: Server;
  let base: string;
  let workers: { stop(): Promise<void> };

  beforeEach(async () => {
    const { container } = testContainer({ JOBS_ENABLED: 'false', WHATSAPP_ENABLE_MEDIA: 'false' });
    await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
    workers = startBackgroundWorkers(container);
    server = createApp(container).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await workers.stop();
  });

  it('posts a signed Meta delivery as the customer and prints the reply of the running server', async function () {
    this.timeout(30_000);
    const { code, out, err } = await cli([
      'simulate',
      '--from',
      '+54 9 11 6666-0101',
      '--text',
      'Hi! We are 4 people, Iguazu in March?',
      '--name',
      'Carla',
      '--url',
      base,
    ]);
    expect(err).to.deep.equal([]);
    expect(code).to.equal(0);
    expect(out[0]).to.equal('> +5491166660101: Hi! We are 4 people, Iguazu in March?');
    expect(out.slice(1).join('\n')).to.match(/^< .*LD-1/m);
    const lead = await testDb().knex('leads').first('customer_phone', 'customer_name');
    expect(lead).to.deep.equal({ customer_phone: '+5491166660101', customer_name: 'Carla' });
  });

  it('says when nothing was sent back because the message went on an open lead, without waiting it out', async function () {
    this.timeout(30_000);
    const args = ['simulate', '--from', '+5491166660102', '--url', base, '--wait', '20'];
    expect((await cli([...args, '--text', 'Hi! Iguazu in March?'])).code).to.equal(0);
    const started = Date.now();
    const { code, out } = await cli([...args, '--text', 'and a fifth person?']);
    expect(code).to.equal(0);
    expect(out).to.deep.equal([
      '> +5491166660102: and a fifth person?',
      '(recorded; nothing sent back: a follow-up to an open lead goes on its timeline for the rep)',
    ]);
    expect(Date.now() - started).to.be.lessThan(10_000);
  });

  it('says so when the server refuses the signature, naming the secret it signed with (exit 1)', async () => {
    const other = { ...CLI_ENV, ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') };
    const { code, err } = await cli(
      ['simulate', '--from', '+5491166660101', '--text', 'hi', '--url', base],
      other,
    );
    expect(code).to.equal(1);
    expect(err).to.have.length(1);
    expect(err[0]).to.match(
      /refused the signature: simulate signed with the secret derived from ENCRYPTION_KEY/,
    );
  });

  it('prints the alerts the message caused, to whom they went', async function () {
    this.timeout(30_000);
    const tenant = (await testDb().knex('tenants').where({ slug: 'default' }).first()) as Tenant;
    const guide = await aUser(tenant, { role: 'field_staff', phone: '+5491166660201', name: 'Gabriel' });
    const ops = await aUser(tenant, { role: 'operations', phone: '+5491166660202', name: 'Olga' });
    await anAssignment(await aTrip(tenant, { code: 'TRP123' }), guide);
    const { code, out, err } = await cli([
      'simulate',
      '--from',
      guide.phone,
      '--text',
      'ISSUE TRP123 flat tyre at km 40',
      '--url',
      base,
    ]);
    expect(err).to.deep.equal([]);
    expect(code).to.equal(0);
    expect(out).to.include('< Incident INC-1 recorded on TRP123; operations have been alerted.');
    expect(
      out.find((l) => l.startsWith(`< to ${ops.phone}: `)),
      out.join('\n'),
    ).to.match(/INC-1/);
  });

  it('says so when no server is listening', async () => {
    const { code, err } = await cli([
      'simulate',
      '--from',
      '+5491166660101',
      '--text',
      'hi',
      '--url',
      'http://127.0.0.1:9',
    ]);
    expect(code).to.equal(1);
    expect(err.join()).to.match(/cannot reach .* is the server running/);
  });

  it('keeps the console outbox closed without its token', async () => {
    const res = await fetch(`${base}/api/console/outbox?to=%2B5491166660101&since=x`);
    expect(res.status).to.equal(401);
  });
});
