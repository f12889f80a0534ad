import { expect } from 'chai';
import { JobRunner } from '../../../src/jobs/JobRunner';
import type { OnboardingRepository } from '../../../src/modules/onboarding/domain/OnboardingRepository';
import { initialSteps } from '../../../src/modules/onboarding/domain/onboardingSteps';
import { TYPES } from '../../../src/types';
import { staff, type ApiClient } from '../../support/apiClient';
import { FakeProviderServer } from '../../support/FakeProviderServer';
import { testDb } from '../../support/integrationHooks';
import type { OnboardingRunner } from '../../../src/modules/onboarding/application/OnboardingRunner';
import { aBusiness, configureFake, onboardingApi, signupBody } from './onboardingKit';

const knex = () => testDb().knex;

/** An instance stopped mid-way: the onboarding stays `running`, and another instance finishes it. */
describe('onboarding: runs survive a restart (docs/decisions/0022)', () => {
  let fake: FakeProviderServer;
  let api: ApiClient;
  before(async () => {
    fake = await FakeProviderServer.start();
    configureFake(fake);
  });
  after(() => fake.close());
  beforeEach(() => ({ api } = onboardingApi(fake)));

  /** What a stopped instance leaves: the row as `POST /onboarding/meta` wrote it, its steps never run. */
  async function leftRunning(tenantId: string, leaseUntil?: Date) {
    const business = aBusiness(fake);
    const { onboarding } = await api.context.container
      .get<OnboardingRepository>(TYPES.OnboardingRepository)
      .createOnce(`left-${business.code}`, {
        tenantId,
        provider: 'meta',
        wabaId: business.wabaId,
        phoneNumberId: business.phoneNumberId,
        steps: initialSteps('meta', true),
        facts: {},
        secrets: { code: business.code, pin: '135790' },
      });
    if (leaseUntil)
      await knex()('onboardings').where({ id: onboarding.id }).update({ lease_until: leaseUntil });
    return onboarding;
  }
  const runResume = async (on = api) => {
    const runner = on.context.container.get(JobRunner);
    const result = await runner.run(runner.jobs.get('onboarding-resume')!, on.context.clock.now(), {
      trigger: 'manual',
    });
    return result?.summary;
  };

  it('the onboarding-resume job finishes an onboarding nobody holds, and leaves one another instance holds', async () => {
    const { tenant } = await staff('manager');
    const now = api.context.clock.now().getTime();
    const orphan = await leftRunning(tenant.id, new Date(now - 1000));
    const held = await leftRunning(tenant.id, new Date(now + 60_000));

    expect(await runResume()).to.deep.equal({ resumed: 1 });
    const rows = await knex()('onboardings').whereIn('id', [orphan.id, held.id]);
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[orphan.id]).to.include({ status: 'done', lease_until: null });
    expect(byId[held.id].status).to.equal('running');
    expect(fake.onboarding.registeredPins.get(orphan.phoneNumberId!)).to.equal('135790');
    expect(await knex()('whatsapp_configurations').where({ tenant_id: tenant.id })).to.have.length(1);
  });

  it('an instance shutting down finishes the runs in hand and starts no more; another instance takes those over', async () => {
    const { key } = await staff('manager');
    const first = await api.post('/onboarding/meta', { key, body: signupBody(aBusiness(fake)) });
    await api.context.container.get<OnboardingRunner>(TYPES.OnboardingRunner).stop();
    expect((await api.get(`/onboarding/${first.body.id}`, { key })).body.status).to.equal('done');

    const second = await api.post('/onboarding/meta', { key, body: signupBody(aBusiness(fake)) });
    expect(second.status).to.equal(202);
    const waiting = await knex()('onboardings').where({ id: second.body.id }).first();
    expect(waiting).to.include({ status: 'running', lease_until: null });
    const other = onboardingApi(fake).api;
    expect(await runResume(other)).to.deep.equal({ resumed: 1 });
    expect((await other.get(`/onboarding/${second.body.id}`, { key })).body.status).to.equal('done');
  });
});
