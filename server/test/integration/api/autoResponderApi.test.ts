import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';
import { testContainer } from '../../support/testContainer';

const fieldsOf = (res: { body: { fields?: Array<{ field: string }> } }) =>
  (res.body.fields ?? []).map((f) => f.field);

const SETTINGS = {
  timezone: 'America/Argentina/Buenos_Aires',
  businessHours: { monday: ['09:00-13:00', '14:00-18:00'], friday: ['09:00-24:00'] },
  holidays: ['2026-12-25'],
  awayMessage: 'We are closed; we answer from 9am.',
  greeting: 'Welcome to Andes Treks!',
  rules: [
    { match: { keywords: ['price', 'precio'] }, reply: { text: 'From USD 450.' }, handoff: false },
    { match: { pattern: '^(hola|hi)\\b' }, reply: { template: 'welcome_menu' }, handoff: true },
  ],
  ai: { enabled: false, instructions: 'You sell treks in Patagonia.', maxRepliesPerConversation: 3 },
};

describe('REST: GET|PUT /settings/auto-responder (SPEC §23)', () => {
  const withAi = () =>
    new ApiClient(testContainer({ AI_API_URL: 'http://127.0.0.1:9/v1', AI_MODEL: 'llama3' }));

  it('is all off until a manager sets it; saved as sent, audited in outline', async () => {
    const api = new ApiClient();
    const { tenant, key } = await staff('manager');
    expect((await api.get('/settings/auto-responder', { key })).body).to.deep.equal({
      timezone: 'UTC',
      businessHours: null,
      holidays: [],
      awayMessage: null,
      greeting: null,
      rules: [],
      ai: { enabled: false, instructions: '', maxRepliesPerConversation: 5 },
    });
    const put = await api.put('/settings/auto-responder', { key, body: SETTINGS });
    expect(put.status).to.equal(200);
    expect(put.body).to.deep.equal(SETTINGS);
    expect((await api.get('/settings/auto-responder', { key })).body).to.deep.equal(SETTINGS);
    const row = await testDb().knex('tenants').where({ id: tenant.id }).first('timezone');
    expect(row.timezone, 'the tenant’s own timezone, which usage periods follow too').to.equal(
      'America/Argentina/Buenos_Aires',
    );
    const [audit] = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenant.id, action: 'AUTO_RESPONDER_UPDATED' });
    expect(audit.details).to.deep.equal({
      timezone: 'America/Argentina/Buenos_Aires',
      businessHours: true,
      holidays: 1,
      awayMessage: true,
      greeting: true,
      rules: 2,
      ai: false,
    });
  });

  it('is for managers only (403)', async () => {
    const api = new ApiClient();
    const { key } = await staff('operations');
    expect((await api.get('/settings/auto-responder', { key })).status).to.equal(403);
    expect((await api.put('/settings/auto-responder', { key, body: SETTINGS })).status).to.equal(403);
  });

  it('names the field of every bad value (400)', async () => {
    const api = new ApiClient();
    const { key } = await staff('manager');
    const bad = async (body: Record<string, unknown>) => {
      const res = await api.put('/settings/auto-responder', { key, body: { ...SETTINGS, ...body } });
      return [res.status, fieldsOf(res)];
    };
    expect(await bad({ timezone: 'Mars/Olympus' })).to.deep.equal([400, ['timezone']]);
    expect(await bad({ businessHours: { monday: ['18:00-09:00'], sunday: ['09:00-25:00'] } })).to.deep.equal([
      400,
      ['businessHours.monday.0', 'businessHours.sunday.0'],
    ]);
    expect(await bad({ businessHours: { monday: ['9-5'] } })).to.deep.equal([
      400,
      ['businessHours.monday.0'],
    ]);
    expect(await bad({ businessHours: { someday: ['09:00-18:00'] } })).to.deep.equal([
      400,
      ['businessHours.someday'],
    ]);
    expect(await bad({ holidays: ['2026-02-30'] })).to.deep.equal([400, ['holidays.0']]);
    expect(
      await bad({ rules: [{ match: { pattern: '(a)\\1' }, reply: { text: 'x' } }] }),
      'RE2 has no back-references',
    ).to.deep.equal([400, ['rules.0.match.pattern']]);
    expect(
      await bad({ rules: [{ match: { keywords: ['a'], pattern: 'a' }, reply: { text: 'x' } }] }),
    ).to.deep.equal([400, ['rules.0.match']]);
    expect(await bad({ rules: [{ match: { keywords: ['a'] }, reply: {} }] })).to.deep.equal([
      400,
      ['rules.0.reply'],
    ]);
    expect(
      await bad({ rules: [{ match: { pattern: 'x'.repeat(201) }, reply: { text: 'x' } }] }),
    ).to.deep.equal([400, ['rules.0.match.pattern']]);
    expect(await bad({ ai: { enabled: true, maxRepliesPerConversation: 0 } })).to.deep.equal([
      400,
      ['ai.maxRepliesPerConversation'],
    ]);
    expect(await bad({ ai: undefined })).to.deep.equal([400, ['ai']]);
  });

  it('turns the AI on only with AI_API_URL (422 AI_UNAVAILABLE) and a plan with AI responses (403 PLAN_FEATURE)', async () => {
    const { tenant, key } = await staff('manager');
    const body = { ...SETTINGS, ai: { ...SETTINGS.ai, enabled: true } };
    const noAi = await new ApiClient().put('/settings/auto-responder', { key, body });
    expect([noAi.status, noAi.body.code, fieldsOf(noAi)]).to.deep.equal([
      422,
      'AI_UNAVAILABLE',
      ['ai.enabled'],
    ]);
    await testDb().knex('tenants').where({ id: tenant.id }).update({ plan: 'starter' });
    const api = withAi();
    const starter = await api.put('/settings/auto-responder', { key, body });
    expect([starter.status, starter.body.code]).to.deep.equal([403, 'PLAN_FEATURE']);
    await testDb().knex('tenants').where({ id: tenant.id }).update({ plan: 'professional' });
    const professional = await api.put('/settings/auto-responder', { key, body });
    expect([professional.status, professional.body.ai.enabled]).to.deep.equal([200, true]);
  });

  it('takes new AI instructions only on a plan with custom_ai_instructions; saved ones do not block the rest', async () => {
    const { tenant, key } = await staff('manager');
    const api = withAi();
    const body = { ...SETTINGS, ai: { ...SETTINGS.ai, enabled: true } };
    expect((await api.put('/settings/auto-responder', { key, body })).status).to.equal(200);
    const overrides = JSON.stringify({ features: { custom_ai_instructions: false } });
    await testDb().knex('tenants').where({ id: tenant.id }).update({ plan_overrides: overrides });
    const changed = { ...body, ai: { ...body.ai, instructions: 'You sell treks in the Andes.' } };
    const refused = await api.put('/settings/auto-responder', { key, body: changed });
    expect(refused.body).to.include({ code: 'PLAN_FEATURE', feature: 'custom_ai_instructions' });
    const unchanged = await api.put('/settings/auto-responder', { key, body: { ...body, greeting: 'Hola' } });
    expect([unchanged.status, unchanged.body.ai.instructions]).to.deep.equal([200, SETTINGS.ai.instructions]);
  });
});
