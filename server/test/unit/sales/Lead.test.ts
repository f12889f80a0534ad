import { expect } from 'chai';
import { Lead, type LeadStatus } from '../../../src/modules/lead/domain/Lead';
import { BusinessRuleError } from '../../../src/shared/errors/AppError';

const aLead = (status: LeadStatus = 'new') =>
  new Lead({
    id: 'l1',
    tenantId: 't1',
    ref: 'LD-1',
    customerPhone: '+5491112345678',
    status,
    createdAt: new Date(),
  });

describe('Lead', () => {
  it('moves forward, skipping steps if need be', () => {
    const lead = aLead();
    expect(lead.moveTo('contacted')).to.equal(true);
    expect(lead.moveTo('converted')).to.equal(true);
    expect(lead.status).to.equal('converted');
    expect(aLead('new').moveTo('quoted')).to.equal(true);
  });

  it('treats a move to where an open lead already is as no change', () => {
    expect(aLead('quoted').moveTo('quoted')).to.equal(false);
  });

  it('refuses to go back', () => {
    expect(() => aLead('quoted').moveTo('contacted'))
      .to.throw(BusinessRuleError)
      .with.property('code', 'LEAD_TRANSITION_INVALID');
  });

  for (const closed of ['converted', 'lost'] as const)
    it(`keeps a ${closed} lead closed`, () => {
      const lead = aLead(closed);
      for (const target of ['new', 'contacted', 'quoted', 'converted', 'lost'] as const)
        expect(() => lead.moveTo(target))
          .to.throw(BusinessRuleError)
          .with.property('code', 'LEAD_CLOSED');
      expect(() => lead.assignTo('u2')).to.throw(BusinessRuleError);
    });

  it('loses from any open status', () => {
    for (const open of ['new', 'contacted', 'quoted'] as const)
      expect(aLead(open).moveTo('lost')).to.equal(true);
  });

  it('serialises with its status and assignee', () => {
    const lead = aLead();
    lead.assignTo('u1');
    expect(JSON.parse(JSON.stringify(lead))).to.include({ ref: 'LD-1', status: 'new', assignedTo: 'u1' });
  });
});
