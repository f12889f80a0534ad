import { expect } from 'chai';
import { KnexOptInRepository } from '../../../src/modules/optin/infrastructure/KnexOptInRepository';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';

const STRANGER = '+5491155570001';
const CUSTOMER = '+5491155570002';

describe('a 131050 for a phone we had no record of', () => {
  it('remembers the marketing stop without making the phone eligible for broadcasts until it writes', async () => {
    const tenant = await aTenant();
    const optIns = new KnexOptInRepository(testDb());
    await optIns.recordFirstContact(tenant.id, [CUSTOMER]);
    await optIns.recordMarketingOptOut(tenant.id, CUSTOMER);
    await optIns.recordMarketingOptOut(tenant.id, STRANGER);

    const before = await optIns.consentOf(tenant.id, [STRANGER, CUSTOMER]);
    expect([...before.keys()]).to.deep.equal([CUSTOMER]);
    expect(before.get(CUSTOMER)).to.deep.equal({ status: 'opted_in', marketingOptedOut: true });

    expect((await optIns.recordFirstContact(tenant.id, [STRANGER])).get(STRANGER)).to.equal('opted_in');
    expect((await optIns.consentOf(tenant.id, [STRANGER])).get(STRANGER)).to.deep.equal({
      status: 'opted_in',
      marketingOptedOut: true,
    });
  });
});
