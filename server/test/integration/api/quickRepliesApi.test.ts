import { expect } from 'chai';
import { ApiClient, staff } from '../../support/apiClient';
import { testDb } from '../../support/integrationHooks';

const fieldsOf = (res: { body: { fields?: Array<{ field: string }> } }) =>
  (res.body.fields ?? []).map((f) => f.field);
const shortcuts = (res: { body: { data: Array<{ shortcut: string }> } }) =>
  res.body.data.map((r) => r.shortcut);

describe('REST: /quick-replies', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('saves, finds, changes and deletes a tenant’s quick replies, each change audited with who made it', async () => {
    const { tenant, key, user } = await staff('sales');
    const created = await api.post('/quick-replies', {
      key,
      body: { shortcut: '/Precios', text: 'Iguazú: USD 450 por persona, 3 días.' },
    });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ shortcut: 'precios', text: 'Iguazú: USD 450 por persona, 3 días.' });
    await api.post('/quick-replies', { key, body: { shortcut: 'horarios', text: 'Abrimos de 9 a 18.' } });

    expect(shortcuts(await api.get('/quick-replies', { key }))).to.have.members(['horarios', 'precios']);
    expect(shortcuts(await api.get('/quick-replies', { key, query: { q: '/pre' } }))).to.deep.equal([
      'precios',
    ]);
    expect(shortcuts(await api.get('/quick-replies', { key, query: { q: 'por persona' } }))).to.deep.equal([
      'precios',
    ]);
    // LIKE's own characters are searched for as they are.
    expect(shortcuts(await api.get('/quick-replies', { key, query: { q: '%' } }))).to.deep.equal([]);

    const changed = await api.patch(`/quick-replies/${created.body.id}`, {
      key,
      body: { text: 'Iguazú: USD 480 por persona.' },
    });
    expect(changed.status).to.equal(200);
    expect(changed.body).to.include({ shortcut: 'precios', text: 'Iguazú: USD 480 por persona.' });
    expect((await api.delete(`/quick-replies/${created.body.id}`, { key })).status).to.equal(204);
    expect((await api.delete(`/quick-replies/${created.body.id}`, { key })).status).to.equal(404);

    const audit = await testDb()
      .knex('whatsapp_audit_logs')
      .where({ tenant_id: tenant.id, entity_type: 'quick_reply' })
      .orderBy('created_at');
    expect(audit.map((a) => a.action)).to.deep.equal([
      'QUICK_REPLY_CREATED',
      'QUICK_REPLY_CREATED',
      'QUICK_REPLY_UPDATED',
      'QUICK_REPLY_DELETED',
    ]);
    expect(audit.every((a) => String(a.actor).includes(user.id))).to.equal(true);
  });

  it('keeps shortcuts unique per tenant: 409 naming the field, also for two saves at once, and free in another tenant', async () => {
    const { key } = await staff('operations');
    const results = await Promise.all(
      [1, 2, 3].map(() => api.post('/quick-replies', { key, body: { shortcut: 'hola', text: '¡Hola!' } })),
    );
    expect(results.map((r) => r.status).sort()).to.deep.equal([201, 409, 409]);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.code).to.equal('QUICK_REPLY_EXISTS');
    expect(fieldsOf(conflict)).to.deep.equal(['shortcut']);

    const other = await api.post('/quick-replies', { key, body: { shortcut: 'chau', text: '¡Chau!' } });
    const rename = await api.patch(`/quick-replies/${other.body.id}`, { key, body: { shortcut: 'HOLA' } });
    expect(rename.status).to.equal(409);
    expect(fieldsOf(rename)).to.deep.equal(['shortcut']);

    const elsewhere = await staff('manager');
    expect(
      (await api.post('/quick-replies', { key: elsewhere.key, body: { shortcut: 'hola', text: 'Hi' } }))
        .status,
    ).to.equal(201);
  });

  it('names every bad field, and writes nothing', async () => {
    const { tenant, key } = await staff('manager');
    const bad = await api.post('/quick-replies', { key, body: { shortcut: 'two words', text: '   ' } });
    expect(bad.status).to.equal(400);
    expect(fieldsOf(bad)).to.have.members(['shortcut', 'text']);
    const long = await api.post('/quick-replies', {
      key,
      body: { shortcut: 'long', text: 'x'.repeat(4097) },
    });
    expect(fieldsOf(long)).to.deep.equal(['text']);
    expect((await api.patch(`/quick-replies/${tenant.id}`, { key, body: {} })).status).to.equal(400);
    expect(await testDb().knex('quick_replies').where({ tenant_id: tenant.id })).to.have.length(0);
  });

  it('is for who answers conversations, within their tenant only', async () => {
    const { key } = await staff('sales');
    const saved = await api.post('/quick-replies', { key, body: { shortcut: 'pago', text: 'CBU 000…' } });
    const guide = await staff('field_staff');
    expect((await api.get('/quick-replies', { key: guide.key })).status).to.equal(403);
    expect(
      (await api.post('/quick-replies', { key: guide.key, body: { shortcut: 'x', text: 'y' } })).status,
    ).to.equal(403);
    const stranger = await staff('manager');
    expect((await api.get('/quick-replies', { key: stranger.key })).body.data).to.deep.equal([]);
    expect(
      (await api.patch(`/quick-replies/${saved.body.id}`, { key: stranger.key, body: { text: 'z' } })).status,
    ).to.equal(404);
    expect((await api.delete(`/quick-replies/${saved.body.id}`, { key: stranger.key })).status).to.equal(404);
  });
});
