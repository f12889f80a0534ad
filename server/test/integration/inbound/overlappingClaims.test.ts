import { expect } from 'chai';
import { loadFixture } from '../../support/fixtures';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { testDb } from '../../support/integrationHooks';
import { RecordingRouter } from '../../support/RecordingRouter';

const FIXTURE_FROM = '15551234567';
const FIXTURE_WAMID = 'wamid.HBgLMTU1NTEyMzQ1NjcVAgASGBQzQUY1M0I4NzVGQUI3RkEyRDJBNwA=';

/** The text fixture as sent by `from`, with its own message id. */
const textFrom = (from: string, wamid: string) =>
  loadFixture('meta-text.json').toString().replaceAll(FIXTURE_FROM, from).replace(FIXTURE_WAMID, wamid);

async function until(check: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 5000; !check(); await new Promise((r) => setTimeout(r, 10)))
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
}

describe('inbox processor running: claims while lanes still work', () => {
  let h: InboundHarness;
  let router: RecordingRouter;

  beforeEach(async function () {
    if (testDb().kind === 'embedded') this.skip(); // one connection: one lane at a time
    router = new RecordingRouter();
    h = await inboundHarness({}, router);
  });

  afterEach(async () => h?.processor.stop());

  it("handles other customers while a lane is busy, and a customer's next message only after it", async () => {
    let release = () => {};
    router.holds.set('wamid.A1', new Promise<void>((resolve) => (release = resolve)));
    const routed = () => router.routed.map((m) => m.event.providerMessageId);
    h.processor.start();

    await h.postMeta(textFrom('15550000001', 'wamid.A1')).expect(200);
    await until(() => router.started.includes('wamid.A1'), 'A1 to be routing');
    await h.postMeta(textFrom('15550000002', 'wamid.B1')).expect(200);
    await until(() => routed().includes('wamid.B1'), 'B1 while A1 is held');
    await h.postMeta(textFrom('15550000001', 'wamid.A2')).expect(200);
    await h.postMeta(textFrom('15550000003', 'wamid.C1')).expect(200);
    await until(() => routed().includes('wamid.C1'), 'C1 while A1 is held');
    expect(router.started).not.to.include('wamid.A2');

    release();
    await until(() => routed().includes('wamid.A2'), 'A2 after A1');
    expect(routed()).to.deep.equal(['wamid.B1', 'wamid.C1', 'wamid.A1', 'wamid.A2']);
    await h.processor.stop(); // waits for the lanes in flight
    const rows = await testDb().knex('whatsapp_webhook_events').whereNull('processed_at');
    expect(rows).to.have.length(0);
  });
});
