import { expect } from 'chai';
import { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { runJob } from '../jobs/jobsTestKit';
import { CUSTOMER, customerWrote, message, outboundKit } from './outboundKit';

describe('jobs stuck-sweeper and panic-auto-resume', () => {
  it('stuck-sweeper holds a message whose lease has run out as unconfirmed, then re-queues it', async () => {
    const kit = await outboundKit();
    await customerWrote(kit.tenantId, CUSTOMER, kit.clock.now());
    const id = await kit.queue({ text: 'claimed by a worker that died' });
    await kit.claim();
    expect(await runJob(kit, 'stuck-sweeper')).to.deep.equal({
      unconfirmed: 0,
      confirmed: 0,
      requeued: 0,
      failed: 0,
    });
    kit.clock.advance(60_001);
    expect(await runJob(kit, 'stuck-sweeper')).to.deep.equal({
      unconfirmed: 1,
      confirmed: 0,
      requeued: 0,
      failed: 0,
    });
    expect(await message(id)).to.include({ status: 'unconfirmed' });
    kit.clock.advance(120_001);
    expect(await runJob(kit, 'stuck-sweeper')).to.deep.equal({
      unconfirmed: 0,
      confirmed: 0,
      requeued: 1,
      failed: 0,
    });
    expect(await message(id)).to.include({ status: 'queued' });
  });

  it('panic-auto-resume resumes a tenant once PANIC_COOLDOWN_MINUTES have passed', async () => {
    const kit = await outboundKit({ PANIC_COOLDOWN_MINUTES: '15' });
    const panic = kit.container.get(PanicMode);
    await panic.enter(kit.tenantId, 'throttling');
    kit.clock.advance(14 * 60_000);
    expect(await runJob(kit, 'panic-auto-resume')).to.deep.equal({ resumed: 0 });
    kit.clock.advance(60_000);
    expect(await runJob(kit, 'panic-auto-resume')).to.deep.equal({ resumed: 1 });
    expect(await panic.status(kit.tenantId)).to.deep.equal({ active: false });
  });
});
