import { expect } from 'chai';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import type { OutboundQueue } from '../../../src/modules/message/domain/OutboundRequest';
import { TYPES } from '../../../src/types';
import { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { aTenant } from '../../support/builders';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, waitFor, type DispatcherKit } from './dispatcherKit';
import { ACCESS_TOKEN, CUSTOMER, customerWrote, message, OTHER_CUSTOMER } from './outboundKit';

const HOUR = 3_600_000;

describe('panic mode holds everything queued after it began (SPEC §21)', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;
  let otherTenant: string;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake);
    otherTenant = (await aTenant()).id;
    await kit.container.get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository).save({
      tenantId: otherTenant,
      provider: 'meta',
      phoneNumber: '+15550100300',
      phoneNumberId: '109876543210300',
      businessAccountId: '102938475610300',
      verifyToken: 'verify-2',
      credentials: { accessToken: ACCESS_TOKEN, webhookSecret: 'secret-2' },
      settings: {},
    });
    kit.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
    const hourAgo = new Date(kit.clock.now().getTime() - HOUR);
    for (const [tenantId, phone] of [
      [kit.tenantId, CUSTOMER],
      [kit.tenantId, OTHER_CUSTOMER],
      [otherTenant, CUSTOMER],
    ])
      await customerWrote(tenantId, phone, hourAgo);
  });
  afterEach(async () => {
    await kit.dispatcher.stop();
    await fake.close();
  });

  it('sends nothing of the tenant — any class — while the running dispatcher serves others, until it resumes', async () => {
    const panic = kit.container.get(PanicMode);
    await panic.enter(kit.tenantId, 'auth', { code: '190' });
    kit.dispatcher.start();
    const held = [
      await kit.queue({ purpose: 'reply', text: 'reply after the panic began' }),
      await kit.queue({ to: OTHER_CUSTOMER, purpose: 'notification', text: 'link after the panic began' }),
    ];
    // Queued after the held ones: once it is sent, the dispatcher has claimed past them.
    const sentinel = await testDb().run(() =>
      kit.container
        .get<OutboundQueue>(TYPES.OutboundQueue)
        .enqueue({ tenantId: otherTenant, to: CUSTOMER, purpose: 'reply', text: 'other tenant' }),
    );
    await waitFor(async () => (await message(sentinel)).status === 'sent');
    expect(await kit.dispatcher.drain()).to.equal(0);
    for (const id of held) expect(await message(id)).to.include({ status: 'queued', attempts: 0 });
    expect(fake.outbound.sent.map((s) => s.account)).to.deep.equal(['109876543210300']);

    await panic.resume({ tenantId: kit.tenantId, source: 'WEB', userId: 'u-1', role: 'manager' });
    for (const id of held) await waitFor(async () => (await message(id)).status === 'sent');
    expect(fake.outbound.sent).to.have.length(3);
  });
});
