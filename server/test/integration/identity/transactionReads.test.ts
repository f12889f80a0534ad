import { expect } from 'chai';
import type { Container } from 'inversify';
import type { AutoResponderSettingsRepository } from '../../../src/modules/autoresponder/domain/AutoResponderSettings';
import { defaultSettings } from '../../../src/modules/autoresponder/domain/AutoResponderSettings';
import type { SenderDirectory } from '../../../src/modules/identity/domain/SenderDirectory';
import type { TenantRepository } from '../../../src/modules/identity/domain/TenantRepository';
import type { UserRepository } from '../../../src/modules/identity/domain/UserRepository';
import type { Database } from '../../../src/shared/db/Database';
import { staffAmong } from '../../../src/modules/identity/infrastructure/staffNumbers';
import type { TenantPlans } from '../../../src/modules/usage/domain/UsageCounters';
import { TYPES } from '../../../src/types';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

const CUSTOMER = '+5491155570001';

/** Counts the statements `work` sends that read the tenants table. */
async function tenantReadsDuring(work: () => Promise<void>): Promise<number> {
  let reads = 0;
  const count = (q: { sql: string }) => {
    if (/from "?tenants"?/i.test(q.sql) && /^select/i.test(q.sql.trim())) reads++;
  };
  testDb().knex.on('query', count);
  try {
    await work();
  } finally {
    testDb().knex.off('query', count);
  }
  return reads;
}

describe('reads made once per transaction (tenant settings, staff numbers)', () => {
  let container: Container;
  let db: Database;
  const get = <T>(id: symbol) => container.get<T>(id);

  before(() => {
    ({ container } = testContainer());
    db = testDb();
  });

  it('answers the plan and the auto-responder from the sender lookup’s row, and sees writes made since', async () => {
    const tenant = await aTenant();
    const plans = get<TenantPlans>(TYPES.TenantPlans);
    const responder = get<AutoResponderSettingsRepository>(TYPES.AutoResponderSettings);
    const tenants = get<TenantRepository>(TYPES.TenantRepository);

    const reads = await tenantReadsDuring(() =>
      db.run(async () => {
        await get<SenderDirectory>(TYPES.SenderDirectory).lookup(tenant.id, [CUSTOMER]);
        expect(await plans.find(tenant.id)).to.include({ timezone: 'UTC' });
        expect((await responder.find(tenant.id)).greeting).to.equal(null);

        // Writes in the same transaction are read back, not the remembered row.
        await responder.save(tenant.id, { ...defaultSettings('Europe/Madrid'), greeting: 'Hola' }, 'test');
        expect(await responder.find(tenant.id)).to.include({ greeting: 'Hola', timezone: 'Europe/Madrid' });
        await plans.savePrices(tenant.id, { currency: 'EUR', prices: { marketing: 0.06 } });
        expect((await plans.find(tenant.id))?.pricePerCategory).to.deep.equal({
          currency: 'EUR',
          marketing: 0.06,
        });
        await tenants.update(tenant.id, { plan: 'business' });
        expect(await plans.find(tenant.id)).to.include({ plan: 'business', timezone: 'Europe/Madrid' });
      }),
    );
    // The lookup, then one read after each of the three writes.
    expect(reads).to.equal(4);
  });

  it('reads again in every transaction and outside one', async () => {
    const tenant = await aTenant();
    const plans = get<TenantPlans>(TYPES.TenantPlans);
    const reads = await tenantReadsDuring(async () => {
      await plans.find(tenant.id);
      await plans.find(tenant.id);
      await db.run(async () => {
        await plans.find(tenant.id);
        await plans.find(tenant.id);
      });
      await db.run(() => plans.find(tenant.id));
    });
    expect(reads).to.equal(4);
  });

  it('knows a number looked up as a customer is staff once a user is created with it', async () => {
    const tenant = await aTenant();
    await db.run(async () => {
      await get<SenderDirectory>(TYPES.SenderDirectory).lookup(tenant.id, [CUSTOMER]);
      expect([...(await staffAmong(db, tenant.id, [CUSTOMER]))]).to.deep.equal([]);
      await get<UserRepository>(TYPES.UserRepository).create({
        tenantId: tenant.id,
        name: 'New rep',
        phone: CUSTOMER,
        role: 'sales',
      });
      expect([...(await staffAmong(db, tenant.id, [CUSTOMER]))]).to.deep.equal([CUSTOMER]);
    });
  });
});
