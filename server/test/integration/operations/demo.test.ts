import { expect } from 'chai';
import { runDemo } from '../../../src/cli/demo/runDemo';
import { runCli } from '../../../src/cli/main';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

const EXPECTED_SECTIONS = [
  'lead LD-1',
  'booking BK-1',
  'trip TRP123',
  'incident INC-1',
  'WhatsApp messages sent',
];

describe('wa-ops demo', () => {
  it('plays the day through the real use cases and prints every timeline', async function () {
    this.timeout(30_000);
    const { container } = testContainer({ JOBS_ENABLED: 'false', WHATSAPP_ENABLE_MEDIA: 'false' });
    const out: string[] = [];
    await runDemo({ container, db: testDb() }, (l) => out.push(l));
    const text = out.join('\n');
    for (const section of EXPECTED_SECTIONS) expect(text).to.include(`── ${section}`);
    expect(text).to.match(/LEAD_CREATED .*Carla Customer/);
    expect(text).to.match(/PAYMENT_RECEIVED .*Sofía \(sales\)/);
    expect(text).to.match(/INCIDENT_CREATED .*Gabriel \(guide\) .*flat tyre/);
    expect(text).to.match(/INCIDENT_RESOLVED .*Omar \(operations\)/);
    const booking = await testDb().knex('bookings').first('status');
    expect(booking?.status).to.match(/confirmed/i);
    const incident = await testDb().knex('incidents').first('status');
    expect(incident?.status).to.match(/resolved/i);
  });

  it('runs as a command on a temporary embedded database and removes it', async function () {
    this.timeout(120_000);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['demo'], {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      env: { LOG_LEVEL: 'silent' },
    });
    expect(err).to.deep.equal([]);
    expect(code).to.equal(0);
    expect(out.join('\n')).to.include('── incident INC-1').and.include('temporary database was removed');
  });
});
