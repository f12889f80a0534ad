import { expect } from 'chai';
import { templateStatusOf } from '../../../src/whatsapp/outbound/provider/cloudapi/providerTemplate';

describe('templateStatusOf', () => {
  const table: Array<[string, string]> = [
    ['APPROVED', 'APPROVED'],
    ['approved', 'APPROVED'],
    ['FLAGGED', 'APPROVED'],
    ['REINSTATED', 'APPROVED'],
    ['PENDING', 'PENDING'],
    ['submitted', 'PENDING'],
    ['IN_APPEAL', 'PENDING'],
    ['REJECTED', 'REJECTED'],
    ['PAUSED', 'PAUSED'],
    ['LIMIT_EXCEEDED', 'PAUSED'],
    ['DISABLED', 'DISABLED'],
    ['deleted', 'DISABLED'],
    ['SOMETHING_NEW', 'PENDING'],
  ];
  for (const [provider, ours] of table)
    it(`${provider} → ${ours}`, () => expect(templateStatusOf(provider)).to.equal(ours));
});
