import { expect } from 'chai';
import { DrainingPoller } from '../../../src/shared/jobs/DrainingPoller';
import { waitFor } from '../../support/process/waitFor';

describe('DrainingPoller', () => {
  it('runs rounds back to back while they find work, then polls, and keeps going after an error', async () => {
    const waiting = [3, 2, 0];
    const errors: unknown[] = [];
    let rounds = 0;
    const poller = new DrainingPoller({
      pollMs: 20,
      round: async () => {
        rounds++;
        if (rounds === 4) throw new Error('database unavailable');
        return waiting.shift() ?? 0;
      },
      onError: (error) => errors.push(error),
    });
    poller.start();
    poller.start();
    await waitFor('a poll after the error', async () => rounds >= 6, { timeoutMs: 2000 });
    await poller.stop();
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['database unavailable']);
    const stoppedAt = rounds;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(rounds).to.equal(stoppedAt);
  });

  it('stop waits for the round in hand', async () => {
    let finished = false;
    let release!: () => void;
    const poller = new DrainingPoller({
      pollMs: 1000,
      round: async () => {
        await new Promise<void>((resolve) => (release = resolve));
        finished = true;
        return 0;
      },
      onError: () => {},
    });
    poller.start();
    await waitFor('the round started', async () => release !== undefined, { timeoutMs: 1000 });
    const stopped = poller.stop();
    release();
    await stopped;
    expect(finished).to.equal(true);
  });
});
