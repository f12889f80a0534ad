import { expect } from 'chai';
import { TYPES } from '../../../../src/types';
import type { WhatsappProviders } from '../../../../src/whatsapp/outbound/provider/WhatsappProvider';
import { FakeProviderServer } from '../../../support/FakeProviderServer';
import { testContainer } from '../../../support/testContainer';
import { CUSTOMER, dialog360Account, metaAccount } from './providerTestKit';

describe('ProviderRegistry', () => {
  let fake: FakeProviderServer;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
  });
  afterEach(() => fake.close());

  it('gives each provider’s adapter, pointed at the configured hosts and API version', async () => {
    const { container } = testContainer({
      WHATSAPP_API_BASE_URL: fake.url,
      WHATSAPP_API_VERSION: 'v23.0',
      DIALOG360_API_BASE_URL: fake.url,
    });
    const providers = container.get<WhatsappProviders>(TYPES.WhatsappProviders);
    expect(
      ['meta', '360dialog', 'twilio', 'console'].map((p) => providers.forProvider(p as never).name),
    ).to.deep.equal(['meta', '360dialog', 'twilio', 'console']);
    fake.tokens.add('meta-token');
    fake.apiKeys.add('d360-key');
    const text = { to: CUSTOMER, message: { kind: 'text' as const, text: 'Hi' } };
    await providers.forProvider('meta').sendMessage(metaAccount(), text);
    await providers.forProvider('360dialog').sendMessage(dialog360Account(), text);
    expect(fake.requests.map((r) => r.path)).to.deep.equal(['/v23.0/106540352242922/messages', '/messages']);
  });
});
