import { expect } from 'chai';
import { TYPES } from '../../../src/types';
import type { TenantDirectory } from '../../../src/modules/connection/application/TenantDirectory';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { inboundHarness, type InboundHarness } from '../../support/inboundHarness';
import { metaDelivery } from '../../support/whatsappConversation';
import { waitFor } from './dispatcherKit';

const CUSTOMER = '+5491155550301';

describe('inbound messages are marked read once handled', () => {
  let fake: FakeProviderServer;
  let h: InboundHarness;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    fake.tokens.add('EAAG-fixture');
    h = await inboundHarness({ WHATSAPP_API_BASE_URL: fake.url });
  });
  afterEach(() => fake.close());

  const deliver = async () => {
    const body = metaDelivery(CUSTOMER, 'hello there');
    await h.postMeta(body).expect(200);
    await h.processor.drain();
    return JSON.parse(body).entry[0].changes[0].value.messages[0].id as string;
  };

  it('sends the read receipt through the tenant provider after processing', async () => {
    const wamid = await deliver();
    await waitFor(async () => fake.outbound.reads.includes(wamid));
  });

  it('sends none when the tenant turned the setting off, and a failing receipt changes nothing', async () => {
    const repository = h.container.get<WhatsappConfigurationRepository>(
      TYPES.WhatsappConfigurationRepository,
    );
    const [meta] = (await repository.findByTenant(h.tenantId)).filter((c) => c.provider === 'meta');
    await repository.save({ ...meta, settings: { markAsRead: false } });
    h.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
    await deliver();
    await repository.save({ ...meta, settings: {} });
    h.container.get<TenantDirectory>(TYPES.TenantDirectory).invalidate();
    fake.outbound.failNext('read', { type: 'http', status: 500 });
    await deliver();
    const third = await deliver();
    await waitFor(async () => fake.outbound.reads.includes(third));
    expect(fake.outbound.reads).to.deep.equal([third]);
  });
});
