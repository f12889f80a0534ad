import { expect } from 'chai';
import type { Onboarding } from '../../../src/modules/onboarding/domain/Onboarding';
import {
  e164Of,
  initialSteps,
  nextStep,
  resumed,
  stepDone,
  stepFailed,
} from '../../../src/modules/onboarding/domain/onboardingSteps';

const at = new Date('2026-12-07T10:00:00Z');
const anOnboarding = (withCreditLine = false): Onboarding => ({
  id: 'o1',
  tenantId: 't1',
  provider: 'meta',
  status: 'running',
  steps: initialSteps('meta', withCreditLine),
  facts: {},
  secrets: {},
  createdAt: at,
  updatedAt: at,
});

describe('onboarding steps', () => {
  it('lists Meta’s steps in order, credit-line sharing only with a credit line; 360dialog’s four', () => {
    expect(initialSteps('meta', false).map((s) => s.name)).to.deep.equal([
      'exchange_token',
      'subscribe_webhooks',
      'register_phone',
      'fetch_number',
      'activate',
    ]);
    expect(initialSteps('meta', true).map((s) => s.name)).to.include('share_credit_line');
    expect(initialSteps('360dialog', true).map((s) => s.name)).to.deep.equal([
      'create_api_key',
      'register_webhook',
      'fetch_number',
      'activate',
    ]);
  });

  it('goes pending → done in order, and is done with its last step', () => {
    let o = anOnboarding();
    for (const step of o.steps) {
      expect(nextStep(o)?.name).to.equal(step.name);
      expect(o.status).to.equal('running');
      o = stepDone(o, step.name, at);
    }
    expect(o.status).to.equal('done');
    expect(nextStep(o)).to.equal(undefined);
  });

  it('stops at a failed step with its error, and a retry makes only that step pending again', () => {
    const o = stepFailed(
      stepDone(anOnboarding(), 'exchange_token', at),
      'subscribe_webhooks',
      { message: 'no', code: 200 },
      at,
    );
    expect(o.status).to.equal('failed');
    expect(o.steps[1]).to.deep.include({ status: 'failed', error: { message: 'no', code: 200 } });
    const again = resumed(o, at);
    expect(again.status).to.equal('running');
    expect(again.steps.map((s) => s.status)).to.deep.equal([
      'done',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(again.steps[1].error).to.equal(undefined);
    expect(nextStep(again)?.name).to.equal('subscribe_webhooks');
  });

  it('reads Graph’s display numbers as E.164', () => {
    expect(e164Of('+1 555-020-1001')).to.equal('+15550201001');
    expect(e164Of('5491155550177')).to.equal('+5491155550177');
    expect(e164Of('123')).to.equal(undefined);
    expect(e164Of(undefined)).to.equal(undefined);
  });
});
