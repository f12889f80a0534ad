import { expect } from 'chai';
import { PlanFeatureError } from '../../../src/shared/errors/AppError';
import { aTenant } from '../../support/builders';
import { testContainer, type TestContext } from '../../support/testContainer';
import { counter, onPlan, usageLimits } from './usageKit';

const MARCH = '2026-03-01';
const DAY = 24 * 3_600_000;

describe('usage: plan features and AI conversations', () => {
  let ctx: TestContext;
  let tenantId: string;
  beforeEach(async () => {
    ctx = testContainer();
    tenantId = (await aTenant()).id;
  });

  it('gives each plan the features of SPEC §17, and tenant overrides add or take them away', async () => {
    const limits = usageLimits(ctx.container);
    await onPlan(tenantId, 'starter');
    expect(await limits.hasFeature(tenantId, 'click_to_chat')).to.equal(true);
    expect(await limits.hasFeature(tenantId, 'ai_responses')).to.equal(false);
    await onPlan(tenantId, 'professional');
    expect(await limits.hasFeature(tenantId, 'voice_transcription')).to.equal(true);
    expect(await limits.hasFeature(tenantId, 'multiple_responders')).to.equal(false);
    await onPlan(tenantId, 'professional', {
      features: { multiple_responders: true, voice_transcription: false },
    });
    expect(await limits.hasFeature(tenantId, 'multiple_responders')).to.equal(true);
    expect(await limits.hasFeature(tenantId, 'voice_transcription')).to.equal(false);
    const err = await limits.requireFeature(tenantId, 'voice_transcription').catch((e: unknown) => e);
    expect(err).to.be.instanceOf(PlanFeatureError);
    expect((err as PlanFeatureError).code).to.equal('PLAN_FEATURE');
  });

  it('refuses the AI on a plan without ai_responses', async () => {
    await onPlan(tenantId, 'starter');
    expect(await usageLimits(ctx.container).claimAiConversation(tenantId, 'c1')).to.deep.equal({
      allowed: false,
      reason: 'not_in_plan',
    });
    expect(await counter(tenantId, MARCH, 'ai_conversations')).to.equal(undefined);
  });

  it('counts one AI conversation per conversation per 24-hour span, and refuses past the limit', async () => {
    await onPlan(tenantId, 'professional', { limits: { ai_conversations: 2 } });
    const limits = usageLimits(ctx.container);
    expect(await limits.claimAiConversation(tenantId, 'c1')).to.deep.equal({ allowed: true, counted: true });
    expect(await limits.claimAiConversation(tenantId, 'c1')).to.deep.equal({ allowed: true, counted: false });
    expect(await limits.claimAiConversation(tenantId, 'c2')).to.deep.equal({ allowed: true, counted: true });
    expect(await limits.claimAiConversation(tenantId, 'c3')).to.deep.equal({
      allowed: false,
      reason: 'limit_reached',
    });
    ctx.clock.advance(DAY);
    expect(await limits.claimAiConversation(tenantId, 'c1')).to.deep.equal({
      allowed: false,
      reason: 'limit_reached',
    });
    expect((await counter(tenantId, MARCH, 'ai_conversations'))?.used).to.equal(2);
  });

  it('counts a conversation once when two instances claim it at the same time', async () => {
    await onPlan(tenantId, 'professional');
    const other = testContainer();
    const claims = await Promise.all(
      [ctx, other, ctx, other].map((c) => usageLimits(c.container).claimAiConversation(tenantId, 'c1')),
    );
    expect(claims.filter((c) => c.allowed && c.counted)).to.have.length(1);
    expect((await counter(tenantId, MARCH, 'ai_conversations'))?.used).to.equal(1);
  });
});
