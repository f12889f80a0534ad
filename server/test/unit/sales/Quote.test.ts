import { expect } from 'chai';
import { Quote, type QuoteStatus } from '../../../src/modules/booking/domain/Quote';
import { BusinessRuleError } from '../../../src/shared/errors/AppError';

const aQuote = (status: QuoteStatus) =>
  new Quote({
    id: 'q1',
    tenantId: 't1',
    ref: 'Q-1',
    leadId: 'l1',
    amount: '1500.00',
    currency: 'USD',
    description: 'Trek',
    status,
    createdAt: new Date(),
  });

describe('Quote', () => {
  it('needs approval only strictly over a threshold, and never without one', () => {
    expect(Quote.initialStatus('1500.00')).to.equal('sent');
    expect(Quote.initialStatus('1000.00', '1000.00')).to.equal('sent');
    expect(Quote.initialStatus('1000.01', '1000')).to.equal('pending_approval');
  });

  it('approves a pending quote once, recording who and when', () => {
    const quote = aQuote('pending_approval');
    const at = new Date('2026-03-01T10:00:00Z');
    quote.approve('manager-1', at);
    expect(quote).to.include({ status: 'sent', approvedBy: 'manager-1', approvedAt: at, sentAt: at });
    expect(() => quote.approve('manager-1', at))
      .to.throw(BusinessRuleError)
      .with.property('code', 'QUOTE_NOT_PENDING');
  });

  it('refuses to approve a quote sent without approval', () => {
    expect(() => aQuote('sent').approve('m', new Date())).to.throw(BusinessRuleError);
  });
});
