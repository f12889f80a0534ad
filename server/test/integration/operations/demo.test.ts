import { expect } from 'chai';
import { runDemo } from '../../../src/cli/demo/runDemo';
import { runCli } from '../../../src/cli/main';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

const EXPECTED_SECTIONS = [
  'lead LD-1',
  'lead LD-2',
  'booking BK-1',
  'booking BK-2',
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
    expect(text).to.match(/PAYMENT_RECEIVED .*payment webhook/);
    expect(text).to.match(/PAYMENT_REMINDER_SENT .*cron .*slots=after-1/);
    expect(text).to.match(/CANCELLATION_REQUESTED .*Diego Customer/);
    expect(text).to.match(/BOOKING_CANCELLED .*Sofía \(sales\) .*"the customer changed their plans"/);
    expect(text).to.match(/MEDIA_ADDED .*Gabriel \(guide\)/);
    expect(text).to.match(/INCIDENT_CREATED .*Gabriel \(guide\) .*flat tyre/);
    expect(text).to.match(/INCIDENT_ACKNOWLEDGED .*Omar \(operations\) .*spare van on its way/);
    expect(text).to.match(/INCIDENT_RESOLVED .*Omar \(operations\)/);
    expect(text).to.match(/TRIP_REMINDERS_SENT .*(customers=1 staff=1|staff=1 customers=1)/);
    expect(text).to.match(/→ Gabriel \(guide\) +\(trip_assignment\)/);
    expect(text).to.match(/→ Gabriel \(guide\) +INC-1 on TRP123: acknowledged/);
    expect(text).to.match(/→ Diego Customer +\(booking_cancelled\)/);
    expect(text).to.match(/→ Carla Customer +\(trip_reminder\)/);
    const bookings = await testDb().knex('bookings').orderBy('ref').pluck('status');
    expect(bookings).to.deep.equal(['confirmed', 'cancelled']);
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
