import { expect } from 'chai';
import type { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type {
  SendStaffMessage,
  StaffMessage,
} from '../../../src/modules/message/application/SendStaffMessage';
import { TYPES } from '../../../src/types';
import { ApiClient } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { graphError } from '../../support/fakeFailures';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import { aStoredTemplate, CUSTOMER, customerWrote, message, OTHER_CUSTOMER } from './outboundKit';

const HOUR = 3_600_000;
const offer = { name: 'spring_offer', params: ['Ana'] };
const update = { name: 'trip_update', params: ['Ana'] };

async function refusal(work: Promise<unknown>): Promise<{ name: string; code: string }> {
  try {
    await work;
  } catch (error) {
    return error as { name: string; code: string };
  }
  throw new Error('expected a refusal');
}

const marketingStoppedAt = async (tenantId: string, phone: string) =>
  (
    (await testDb().knex('whatsapp_opt_ins').where({ tenant_id: tenantId, phone }).first()) as
      { marketing_opted_out_at: Date | null } | undefined
  )?.marketing_opted_out_at;

describe('Meta 131050 (the customer stopped marketing messages) on single sends', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;
  let sales: Actor;
  let key: string;
  const send = (message: Omit<StaffMessage, 'to'>, to = CUSTOMER) =>
    kit.container.get<SendStaffMessage>(TYPES.SendStaffMessage).execute(sales, { to, ...message });

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake);
    const user = await aUser({ id: kit.tenantId } as Tenant, { role: 'sales' });
    sales = { tenantId: kit.tenantId, role: 'sales', userId: user.id, source: 'WEB' };
    key = user.apiKey;
    const body = [{ type: 'BODY', text: 'Hi {{1}}, news from the Andes.' }];
    await aStoredTemplate(kit.tenantId, { name: 'spring_offer', category: 'MARKETING', components: body });
    await aStoredTemplate(kit.tenantId, { name: 'trip_update', category: 'UTILITY', components: body });
    await customerWrote(kit.tenantId, CUSTOMER, new Date(kit.clock.now().getTime() - HOUR));
  });
  afterEach(() => fake.close());

  it('records the refusal of a MARKETING send and refuses later MARKETING sends before the provider', async () => {
    fake.outbound.failNext('send', graphError(131050));
    const first = await send({ template: offer });
    await kit.dispatcher.drain();
    expect(await message(first.id)).to.include({ status: 'failed', error_code: '131050' });
    expect(await marketingStoppedAt(kit.tenantId, CUSTOMER)).to.be.instanceOf(Date);

    expect(await refusal(send({ template: offer }))).to.include({
      name: 'ConflictError',
      code: 'MARKETING_OPTED_OUT',
    });
    const rest = await new ApiClient(kit).post('/messages', { key, body: { to: CUSTOMER, template: offer } });
    expect(rest.status).to.equal(409);
    expect(rest.body.code).to.equal('MARKETING_OPTED_OUT');

    const bypassed = await kit.queue({ purpose: 'manual', template: offer });
    const requestsBefore = fake.requests.length;
    await kit.dispatcher.drain();
    expect(await message(bypassed)).to.include({ status: 'failed', error_code: 'MARKETING_OPTED_OUT' });
    expect(fake.requests.length, 'nothing reached the provider').to.equal(requestsBefore);
  });

  it('still sends utility templates and free text to that customer, and marketing to others', async () => {
    fake.outbound.failNext('send', graphError(131050));
    await send({ template: offer });
    await kit.dispatcher.drain();
    const utility = await send({ template: update });
    const text = await send({ text: 'Your guide is on the way' });
    const other = await send({ template: offer }, OTHER_CUSTOMER);
    expect(await kit.dispatcher.drain()).to.equal(3);
    for (const id of [utility.id, text.id, other.id])
      expect(await message(id)).to.include({ status: 'sent' });
    expect(await marketingStoppedAt(kit.tenantId, OTHER_CUSTOMER)).to.equal(undefined);
  });

  it('applies the same rule after a 131050 that arrives in a status webhook', async () => {
    const first = await send({ template: offer });
    await kit.dispatcher.drain();
    await testDb().run(() =>
      kit.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate).execute(kit.tenantId, {
        kind: 'status',
        route: {},
        providerMessageId: fake.outbound.sent[0].providerMessageId,
        status: 'failed',
        timestamp: kit.clock.now(),
        errors: [{ code: '131050', title: 'User has stopped marketing messages' }],
        raw: {},
      }),
    );
    expect(await message(first.id)).to.include({ status: 'failed', error_code: '131050' });
    expect(await refusal(send({ template: offer }))).to.include({ code: 'MARKETING_OPTED_OUT' });
  });
});
