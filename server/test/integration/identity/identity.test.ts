import { expect } from 'chai';
import type { CreateTenant } from '../../../src/modules/identity/application/CreateTenant';
import type { CreateUser } from '../../../src/modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../../../src/modules/identity/application/EnsureDefaultTenant';
import type { ApiKeyRepository } from '../../../src/modules/identity/domain/UserRepository';
import { hashApiKey } from '../../../src/shared/crypto/apiKeys';
import { ConflictError, NotFoundError, ValidationError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import type { WhatsappConfigurationRepository } from '../../../src/modules/connection/domain/WhatsappConfiguration';
import { aTenant } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

describe('identity', () => {
  describe('CreateUser', () => {
    it('stores the phone in E.164 and returns an API key that is stored only as a hash', async () => {
      const { container } = testContainer();
      const tenant = await aTenant({ defaultRegion: 'AR' });
      const { user, apiKey } = await container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({ tenantId: tenant.id, name: 'Lucía', phone: '11 1234-5678', role: 'field_staff' });
      expect(user.phone).to.equal('+5491112345678');
      const stored = await testDb().knex('api_keys').where({ user_id: user.id });
      expect(stored).to.have.length(1);
      expect(JSON.stringify(stored)).not.to.include(apiKey);
      expect(stored[0].key_hash).to.equal(hashApiKey(apiKey));
      const found = await container
        .get<ApiKeyRepository>(TYPES.ApiKeyRepository)
        .findUserByHash(hashApiKey(apiKey));
      expect(found?.id).to.equal(user.id);
    });

    it('refuses an unknown role, naming the field', async () => {
      const { container } = testContainer();
      const tenant = await aTenant();
      const attempt = container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({ tenantId: tenant.id, name: 'X', phone: '+14155550100', role: 'guide' });
      const error = await attempt.catch((e: unknown) => e);
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fields[0].field).to.equal('role');
    });

    it('refuses an invalid phone, naming the field, and writes nothing', async () => {
      const { container } = testContainer();
      const tenant = await aTenant();
      const error = await container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({ tenantId: tenant.id, name: 'X', phone: '12', role: 'sales' })
        .catch((e: unknown) => e);
      expect((error as ValidationError).fields[0].field).to.equal('phone');
      expect(await testDb().knex('users').count('* as n').first()).to.deep.equal({ n: 0 });
    });

    it('refuses the same phone twice in a tenant and allows it in another', async () => {
      const { container } = testContainer();
      const createUser = container.get<CreateUser>(TYPES.CreateUser);
      const [a, b] = [await aTenant(), await aTenant()];
      await createUser.execute({ tenantId: a.id, name: 'A', phone: '+14155550100', role: 'sales' });
      const again = await createUser
        .execute({ tenantId: a.id, name: 'A2', phone: '+1 (415) 555-0100', role: 'sales' })
        .catch((e: unknown) => e);
      expect(again).to.be.instanceOf(ConflictError);
      await createUser.execute({ tenantId: b.id, name: 'B', phone: '+14155550100', role: 'manager' });
    });

    it('refuses an unknown tenant', async () => {
      const { container } = testContainer();
      const error = await container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({
          tenantId: '00000000-0000-4000-8000-000000000000',
          name: 'X',
          phone: '+14155550100',
          role: 'sales',
        })
        .catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NotFoundError);
    });
  });

  describe('CreateTenant', () => {
    it('derives a slug from the name and refuses a duplicate', async () => {
      const { container } = testContainer();
      const createTenant = container.get<CreateTenant>(TYPES.CreateTenant);
      const tenant = await createTenant.execute({ name: 'Andes Treks S.A.' });
      expect(tenant.slug).to.equal('andes-treks-s-a');
      expect(
        await createTenant.execute({ name: 'Andes Treks S.A.' }).catch((e: unknown) => e),
      ).to.be.instanceOf(ConflictError);
    });
  });

  describe('EnsureDefaultTenant', () => {
    const env = {
      WHATSAPP_PROVIDER: 'meta',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_ACCESS_TOKEN: 'EAAG-secret-token',
      WHATSAPP_WEBHOOK_SECRET: 'app-secret',
      WHATSAPP_VERIFY_TOKEN: 'verify-me',
    };

    it('creates the default tenant once and keeps its credentials encrypted at rest', async () => {
      const { container } = testContainer(env);
      const ensure = container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant);
      const first = await ensure.execute();
      const second = await ensure.execute();
      expect(second.id).to.equal(first.id);
      const rows = await testDb().knex('whatsapp_configurations');
      expect(rows).to.have.length(1);
      expect(rows[0].credentials).to.match(/^v1\./);
      expect(rows[0].credentials).not.to.include('EAAG');
      const [config] = await container
        .get<WhatsappConfigurationRepository>(TYPES.WhatsappConfigurationRepository)
        .findByTenant(first.id);
      expect(config.credentials.accessToken).to.equal('EAAG-secret-token');
      expect(config.phoneNumberId).to.equal('106540352242922');
      expect(config.verifyToken).to.equal('verify-me');
    });
  });
});
