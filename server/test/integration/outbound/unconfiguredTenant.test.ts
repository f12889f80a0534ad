import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createContainer } from '../../../src/container';
import type { OutboundQueue } from '../../../src/modules/message/domain/OutboundRequest';
import { createLogger } from '../../../src/shared/logging/createLogger';
import { TYPES } from '../../../src/types';
import { OutboundDispatcher } from '../../../src/whatsapp/outbound/dispatch/OutboundDispatcher';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { TEST_ENCRYPTION_KEY, testConfig } from '../../support/testContainer';
import { TestClock } from '../../support/TestClock';
import { CUSTOMER, message } from './outboundKit';

const MINUTE = 60_000;

describe('OutboundDispatcher with a tenant that has no WhatsApp configuration', () => {
  it('keeps its messages queued and warns once per tenant every five minutes, not on every poll', async () => {
    const warnings: Array<{ tenantId: string; msg: string }> = [];
    const logs = new Writable({
      write(chunk, _encoding, done) {
        warnings.push(JSON.parse(String(chunk)) as { tenantId: string; msg: string });
        done();
      },
    });
    const clock = new TestClock();
    const container = createContainer({
      config: testConfig(),
      logger: createLogger('warn', logs),
      clock,
      db: testDb(),
      encryptionKey: TEST_ENCRYPTION_KEY,
    });
    const dispatcher = container.get(OutboundDispatcher);
    const [tenant, other] = [await aTenant(), await aTenant()];
    const queue = (tenantId: string) =>
      testDb().run(() =>
        container
          .get<OutboundQueue>(TYPES.OutboundQueue)
          .enqueue({ tenantId, to: CUSTOMER, purpose: 'reply', text: 'waiting' }),
      );
    const id = await queue(tenant.id);
    await queue(other.id);
    const warned = () =>
      warnings.filter((w) => w.msg.includes('no WhatsApp configuration')).map((w) => w.tenantId);

    for (let poll = 0; poll < 3; poll++) {
      expect(await dispatcher.drain()).to.equal(0);
      clock.advance(MINUTE);
    }
    expect(warned()).to.have.members([tenant.id, other.id]);

    clock.advance(2 * MINUTE);
    await dispatcher.drain();
    await dispatcher.drain();
    expect(warned()).to.have.length(4);
    expect(await message(id)).to.include({ status: 'queued', attempts: 0 });
  });
});
