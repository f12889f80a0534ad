import { expect } from 'chai';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import type { SendStaffMessage } from '../../../src/modules/message/application/SendStaffMessage';
import { notification } from '../../../src/modules/message/domain/notification';
import { TYPES } from '../../../src/types';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { dispatcherKit, type DispatcherKit } from './dispatcherKit';
import { aTemplate, message, OTHER_CUSTOMER } from './outboundKit';

const BODY = 'Update on {{2}} (trip {{1}}): {{3}}.';
const PARAMS = ['TRP1', 'INC-1', 'the bus is fixed'];

describe('system notifications of a tenant writing in a language without default wording', () => {
  let fake: FakeProviderServer;
  let kit: DispatcherKit;
  const notify = () => kit.queue(notification(kit.tenantId, OTHER_CUSTOMER, 'incident_update', PARAMS, 'fr'));
  const sentLanguage = () =>
    (fake.outbound.sent[0].body.template as { language: { code: string } }).language.code;

  beforeEach(async () => {
    fake = await FakeProviderServer.start();
    kit = await dispatcherKit(fake);
    await testDb().knex('tenants').where({ id: kit.tenantId }).update({ default_language: 'fr' });
  });
  afterEach(() => fake.close());

  it('falls back to the English template when it is not approved in French', async () => {
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'APPROVED', 'en');
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'PENDING', 'fr');
    const id = await notify();
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'sent' });
    expect(sentLanguage()).to.equal('en');
  });

  it('uses the tenant’s language when the template is approved in it', async () => {
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'APPROVED', 'en');
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'APPROVED', 'fr');
    await notify();
    await kit.dispatcher.drain();
    expect(sentLanguage()).to.equal('fr');
  });

  it('takes any approved language when neither French nor English is', async () => {
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'REJECTED', 'en');
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'APPROVED', 'de');
    await notify();
    await kit.dispatcher.drain();
    expect(sentLanguage()).to.equal('de');
  });

  it('refuses when no language is approved, and never swaps the language a staff send asked for', async () => {
    await aTemplate(kit.tenantId, 'incident_update', BODY, 'PENDING', 'en');
    const id = await notify();
    await kit.dispatcher.drain();
    expect(await message(id)).to.include({ status: 'failed', error_code: 'TEMPLATE_NOT_APPROVED' });

    await aTemplate(kit.tenantId, 'quote_ready', 'Hi {{1}}, your quote is ready.', 'APPROVED', 'en');
    const sales: Actor = { tenantId: kit.tenantId, role: 'sales', userId: 'u1', source: 'WEB' };
    const asked = kit.container.get<SendStaffMessage>(TYPES.SendStaffMessage).execute(sales, {
      to: OTHER_CUSTOMER,
      template: { name: 'quote_ready', language: 'fr', params: ['Ana'] },
    });
    await asked.then(
      () => expect.fail('expected a refusal'),
      (error: { code: string }) => expect(error.code).to.equal('TEMPLATE_NOT_APPROVED'),
    );
    expect(fake.outbound.sent).to.have.length(0);
  });
});
