import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { cliRunner } from '../../support/cliRunner';
import { testDatabaseUrl } from '../../support/integrationHooks';

describe('wa-ops link', function () {
  this.timeout(60_000);
  const cli = cliRunner();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wa-ops-link-'));
  after(() => cli.dispose());

  before(function () {
    if (!testDatabaseUrl()) this.skip(); // the CLI's own embedded database would have no tenant of ours
  });

  it('prints the link of a starter tenant with only a number (no API) and writes its QR code', async () => {
    expect(
      (await cli.run(['tenants', 'create', '--name', 'Andes Treks', '--slug', 'andes', '--plan', 'starter']))
        .code,
    ).to.equal(0);
    const added = await cli.run([
      'connections',
      'add',
      '--tenant',
      'andes',
      '--provider',
      'console',
      '--phone-number',
      '+5491155550100',
    ]);
    expect(added.code, added.err.join('\n')).to.equal(0);
    const file = path.join(dir, 'link.png');
    const run = await cli.run(['link', '--tenant', 'andes', '--text', 'Hola, quiero info', '--qr', file]);
    expect(run.code, run.err.join('\n')).to.equal(0);
    const url = 'https://wa.me/5491155550100?text=Hola%2C%20quiero%20info';
    expect(run.out).to.deep.equal([url]);
    const image = PNG.sync.read(readFileSync(file));
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).to.equal(url);
    const svg = await cli.run(['link', '--tenant', 'andes', '--qr', path.join(dir, 'link.svg'), '--json']);
    expect(JSON.parse(svg.out[0])).to.include({ url: 'https://wa.me/5491155550100', phone: '5491155550100' });
    expect(readFileSync(path.join(dir, 'link.svg'), 'utf8')).to.include('<svg');
  });

  it('exits 2 for a QR file that is neither .svg nor .png, 1 on a plan without click-to-chat', async () => {
    const bad = await cli.run(['link', '--tenant', 'andes', '--qr', path.join(dir, 'link.gif')]);
    expect(bad.code).to.equal(2);
    await cli.run(['tenants', 'create', '--name', 'Free One', '--slug', 'free-one', '--plan', 'free']);
    await cli.run([
      'connections',
      'add',
      '--tenant',
      'free-one',
      '--provider',
      'console',
      '--phone-number',
      '+5491155550101',
    ]);
    const refused = await cli.run(['link', '--tenant', 'free-one']);
    expect(refused.code).to.equal(1);
    expect(refused.err.join('\n')).to.include('does not include click_to_chat');
  });
});
