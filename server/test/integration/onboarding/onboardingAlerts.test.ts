import { expect } from 'chai';
import { JobRunner } from '../../../src/jobs/JobRunner';
import { PanicMode } from '../../../src/whatsapp/outbound/dispatch/PanicMode';
import { staff, type ApiClient } from '../../support/apiClient';
import { aUser } from '../../support/builders';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import { aBusiness, configureFake, onboardingApi, signupBody } from './onboardingKit';

const knex = () => testDb().knex;
const DAY = 86_400_000;
const alertsTo = (phone: string) =>
  knex()('whatsapp_messages').where({ direction: 'OUTBOUND', customer_phone: phone }).orderBy('created_at');

describe('onboarding: managers hear of expiring tokens and refused credentials (SPEC §16)', () => {
  let fake: FakeProviderServer;
  let api: ApiClient;
  let settled: () => Promise<void>;
  before(async () => {
    fake = await FakeProviderServer.start();
    configureFake(fake);
  });
  after(() => fake.close());
  beforeEach(() => ({ api, settled } = onboardingApi(fake)));

  const runJob = async (name: string) => {
    const runner = api.context.container.get(JobRunner);
    const result = await runner.run(runner.jobs.get(name)!, api.context.clock.now(), { trigger: 'manual' });
    expect(result?.status).to.equal('succeeded');
    return result!.summary;
  };

  it('alerts each manager once, 7 days before the token expires, and no other tenant’s', async () => {
    const now = api.context.clock.now().getTime();
    const { tenant, key, user } = await staff('manager');
    const second = await aUser(tenant, { role: 'manager' });
    const sales = await aUser(tenant, { role: 'sales' });
    const soon = aBusiness(fake, { expiresAt: Math.floor((now + 6 * DAY) / 1000) });
    const later = await staff('manager');
    const notYet = aBusiness(fake, { expiresAt: Math.floor((now + 10 * DAY) / 1000) });
    await api.post('/onboarding/meta', { key, body: signupBody(soon) });
    await api.post('/onboarding/meta', { key: later.key, body: signupBody(notYet) });
    await settled();

    expect(await runJob('token-expiry-alerts')).to.deep.equal({ connections: 1, alerted: 2 });
    const [alert] = await alertsTo(user.phone);
    expect(alert.content.template).to.deep.include({ name: 'account_alert' });
    expect(alert.content.text).to.include('Business').and.include('expires on');
    expect(await alertsTo(second.phone)).to.have.length(1);
    expect(await alertsTo(sales.phone)).to.have.length(0);
    expect(await alertsTo(later.user.phone)).to.have.length(0);

    api.context.clock.advance(DAY); // the next day's run
    expect(await runJob('token-expiry-alerts')).to.deep.equal({ connections: 1, alerted: 0 });
    api.context.clock.advance(3 * DAY);
    expect(await runJob('token-expiry-alerts')).to.deep.equal({ connections: 2, alerted: 1 });
    expect(await alertsTo(later.user.phone)).to.have.length(1);
    expect(await alertsTo(user.phone)).to.have.length(1);
  });

  it('an authentication error trips panic mode and alerts the tenant’s managers; other panics do not', async () => {
    const { tenant, user } = await staff('manager');
    const panic = api.context.container.get(PanicMode);
    await panic.enter(tenant.id, 'failure_rate');
    expect(await alertsTo(user.phone)).to.have.length(0);
    await panic.resume({ tenantId: tenant.id, userId: user.id, role: 'manager' } as never);
    await panic.enter(tenant.id, 'auth', { code: '190' });
    const [alert] = await alertsTo(user.phone);
    expect(alert.content.template).to.deep.include({ name: 'account_alert' });
    expect(alert.content.text).to.include('authentication error');
    expect(await panic.enter(tenant.id, 'auth', { code: '190' })).to.equal(false);
    expect(await alertsTo(user.phone)).to.have.length(1);
  });
});
