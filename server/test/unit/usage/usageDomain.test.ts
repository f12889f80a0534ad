import { expect } from 'chai';
import { thresholdReached } from '../../../src/modules/usage/domain/AiClaim';
import { clickToChatUrl } from '../../../src/modules/usage/domain/ClickToChat';
import { PLAN_TABLE, termsOf } from '../../../src/modules/usage/domain/Plans';
import { readPrices, readPricing } from '../../../src/modules/usage/domain/Pricing';
import { dayStartsAt, periodAt } from '../../../src/modules/usage/domain/UsagePeriod';

describe('usage domain', () => {
  it('holds the plan table of SPEC §17', () => {
    expect(PLAN_TABLE.professional.limits).to.deep.equal({ messages: 1_000, ai_conversations: 500 });
    expect(PLAN_TABLE.business.limits).to.deep.equal({ messages: 5_000, ai_conversations: 2_500 });
    expect(PLAN_TABLE.enterprise.limits).to.deep.equal({ messages: null, ai_conversations: null });
    expect([...termsOf('starter').features]).to.deep.equal(['click_to_chat']);
    expect(termsOf('business').features.has('multiple_responders')).to.equal(true);
    expect(termsOf('professional').features.has('multiple_responders')).to.equal(false);
  });

  it('applies overrides and ignores keys and values it does not know', () => {
    const terms = termsOf('professional', {
      limits: { messages: 2_000, ai_conversations: null, bogus: 3 } as never,
      features: { ai_responses: false, multiple_responders: true, teleport: true } as never,
    });
    expect(terms.limits).to.deep.equal({ messages: 2_000, ai_conversations: null });
    expect(terms.features.has('ai_responses')).to.equal(false);
    expect(terms.features.has('multiple_responders')).to.equal(true);
    expect(termsOf('professional', { limits: { messages: -1 } }).limits.messages).to.equal(1_000);
  });

  it('makes calendar months in the tenant timezone', () => {
    const at = new Date('2026-04-01T02:30:00Z');
    expect(periodAt(at, 'UTC')).to.deep.equal({ start: '2026-04-01', end: '2026-05-01' });
    expect(periodAt(at, 'America/Argentina/Buenos_Aires')).to.deep.equal({
      start: '2026-03-01',
      end: '2026-04-01',
    });
    expect(periodAt(new Date('2026-12-31T23:30:00Z'), 'Asia/Tokyo')).to.deep.equal({
      start: '2027-01-01',
      end: '2027-02-01',
    });
    expect(periodAt(new Date('2026-12-15T00:00:00Z'), 'UTC').end).to.equal('2027-01-01');
    expect(periodAt(at, 'Not/AZone')).to.deep.equal({ start: '2026-04-01', end: '2026-05-01' });
  });

  it('says when a period is over: the first day of the next, at midnight in the tenant timezone', () => {
    expect(dayStartsAt('2026-05-01', 'UTC').toISOString()).to.equal('2026-05-01T00:00:00.000Z');
    expect(dayStartsAt('2026-04-01', 'America/Argentina/Buenos_Aires').toISOString()).to.equal(
      '2026-04-01T03:00:00.000Z',
    );
    expect(dayStartsAt('2027-01-01', 'Asia/Tokyo').toISOString()).to.equal('2026-12-31T15:00:00.000Z');
    // Either side of a change of offset: Madrid is UTC+1 on 1 March, UTC+2 on 1 April.
    expect(dayStartsAt('2026-03-01', 'Europe/Madrid').toISOString()).to.equal('2026-02-28T23:00:00.000Z');
    expect(dayStartsAt('2026-04-01', 'Europe/Madrid').toISOString()).to.equal('2026-03-31T22:00:00.000Z');
    expect(dayStartsAt('2026-11-01', 'America/New_York').toISOString()).to.equal('2026-11-01T04:00:00.000Z');
    expect(dayStartsAt('2026-05-01', 'Not/AZone').toISOString()).to.equal('2026-05-01T00:00:00.000Z');
  });

  it('alerts at 80% and 100% of a limit, never for none or zero', () => {
    expect(thresholdReached(799, 1_000)).to.equal(undefined);
    expect(thresholdReached(800, 1_000)).to.equal(80);
    expect(thresholdReached(1_000, 1_000)).to.equal(100);
    expect(thresholdReached(5, null)).to.equal(undefined);
    expect(thresholdReached(0, 0)).to.equal(undefined);
  });

  it('reads Meta pricing and the tenant prices leniently', () => {
    expect(
      readPricing({ billable: true, pricing_model: 'PMP', type: 'regular', category: 'utility' }),
    ).to.deep.equal({
      category: 'utility',
      billable: true,
    });
    expect(
      readPricing({ pricing_model: 'PMP', type: 'free_customer_service', category: 'SERVICE' }),
    ).to.deep.equal({
      category: 'service',
      billable: false,
    });
    expect(readPricing({ billable: true })).to.equal(undefined);
    expect(readPricing({ category: 'x; DROP TABLE' })).to.equal(undefined);
    expect(readPrices({ Marketing: 0.06, utility: 'cheap', currency: 'USD' })).to.deep.equal({
      currency: 'USD',
      prices: { marketing: 0.06 },
    });
    expect(readPrices({ currency: 'USD' })).to.equal(undefined);
  });

  it('makes wa.me links with the digits and the text encoded', () => {
    expect(clickToChatUrl('+54 9 11 5555-0100', 'Hola & chau?')).to.equal(
      'https://wa.me/5491155550100?text=Hola%20%26%20chau%3F',
    );
    expect(clickToChatUrl('15550100199', '  ')).to.equal('https://wa.me/15550100199');
  });
});
