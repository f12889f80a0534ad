import { expect } from 'chai';
import type { SeedDefaultTemplates } from '../../../src/modules/template/application/SeedDefaultTemplates';
import { DEFAULT_TEMPLATES } from '../../../src/modules/template/domain/defaultTemplates';
import { TYPES } from '../../../src/types';
import { aTenant } from '../../support/builders';
import { httpStatus } from '../../support/fakeFailures';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';
import { configureMeta, metaTemplateKit } from './templateTestKit';

const NAMES = Object.keys(DEFAULT_TEMPLATES).sort();

describe('SeedDefaultTemplates', () => {
  it('creates every default in English, approved at once on the console, and only once', async () => {
    const { container } = testContainer();
    const tenant = await aTenant();
    const seed = container.get<SeedDefaultTemplates>(TYPES.SeedDefaultTemplates);
    const first = await seed.execute({ tenantId: tenant.id });
    expect(first.language).to.equal('en');
    expect(first.created.map((c) => c.name).sort()).to.deep.equal(NAMES);
    expect(first.created.every((c) => c.status === 'APPROVED')).to.equal(true);
    const second = await seed.execute({ tenantId: tenant.id });
    expect([second.created, second.failed, second.existing.sort()]).to.deep.equal([[], [], NAMES]);
    const rows = await testDb().knex('whatsapp_templates').where({ tenant_id: tenant.id });
    expect(rows).to.have.length(NAMES.length);
    const broadcast = rows.find((r) => r.name === 'trip_broadcast');
    expect(broadcast.components[0].text).to.match(/^Trip \{\{1\}\}: \{\{2\}\}\./);
  });

  it('uses the Spanish wording for a Spanish-speaking tenant', async () => {
    const { container } = testContainer();
    const tenant = await aTenant({ defaultLanguage: 'es' });
    const result = await container
      .get<SeedDefaultTemplates>(TYPES.SeedDefaultTemplates)
      .execute({ tenantId: tenant.id });
    expect(result.language).to.equal('es');
    const row = await testDb()
      .knex('whatsapp_templates')
      .where({ tenant_id: tenant.id, name: 'booking_confirmed' })
      .first();
    expect(row).to.include({ language: 'es', status: 'APPROVED' });
    expect(row.components[0].text).to.equal(
      '¡Gracias {{1}}! La reserva {{2}} para {{3}} el {{4}} está confirmada.',
    );
  });

  it('writes Portuguese for a Brazilian tenant, and falls back to English for a language without wording', async () => {
    const { container } = testContainer();
    const seed = container.get<SeedDefaultTemplates>(TYPES.SeedDefaultTemplates);
    const brazilian = await aTenant({ defaultLanguage: 'pt_BR' });
    expect((await seed.execute({ tenantId: brazilian.id })).language).to.equal('pt_BR');
    const row = await testDb()
      .knex('whatsapp_templates')
      .where({ tenant_id: brazilian.id, name: 'booking_confirmed' })
      .first();
    expect(row.components[0].text).to.equal(
      'Obrigado, {{1}}! A reserva {{2}} para {{3}} em {{4}} está confirmada.',
    );
    const french = await aTenant({ defaultLanguage: 'fr' });
    expect((await seed.execute({ tenantId: french.id })).language).to.equal('en');
  });

  it('submits them to Meta, where they wait for review, and resumes after a partial failure', async () => {
    const kit = await metaTemplateKit();
    try {
      const tenant = await aTenant();
      await configureMeta(kit.container, tenant);
      kit.fake.outbound.failNext('templates', httpStatus(503), 2);
      const seed = kit.container.get<SeedDefaultTemplates>(TYPES.SeedDefaultTemplates);
      const first = await seed.execute({ tenantId: tenant.id });
      expect(first.failed.map((f) => f.code)).to.deep.equal(['UNAVAILABLE', 'UNAVAILABLE']);
      expect(first.created).to.have.length(NAMES.length - 2);
      expect(first.created.every((c) => c.status === 'PENDING')).to.equal(true);
      const second = await seed.execute({ tenantId: tenant.id });
      expect([second.created.length, second.existing.length, second.failed.length]).to.deep.equal([
        2,
        NAMES.length - 2,
        0,
      ]);
      expect(kit.fake.templates.existing.map((t) => t.name).sort()).to.deep.equal(NAMES);
      // WhatsApp writes an AUTHENTICATION template's words: only its parts and the copy-code button go.
      const loginCode = kit.fake.templates.existing.find((t) => t.name === 'login_code');
      expect(loginCode?.components).to.deep.equal([
        { type: 'BODY', add_security_recommendation: true },
        { type: 'FOOTER', code_expiration_minutes: 10 },
        { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
      ]);
    } finally {
      await kit.fake.close();
    }
  });

  it('refuses an unknown tenant', async () => {
    const { container } = testContainer();
    const error = await container
      .get<SeedDefaultTemplates>(TYPES.SeedDefaultTemplates)
      .execute({ tenantId: '00000000-0000-4000-8000-000000000000' })
      .catch((e: unknown) => e);
    expect(error).to.have.property('code', 'NOT_FOUND');
  });
});
