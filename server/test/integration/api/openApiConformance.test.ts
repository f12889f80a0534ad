import { expect } from 'chai';
import request from 'supertest';
import { ApiClient } from '../../support/apiClient';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
  match(path: string): boolean;
}

/** (METHOD path) of every route registered in routers mounted under /api/v1, read from express itself. */
function registeredApiRoutes(app: ApiClient['app']): string[] {
  const root = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const apiRouters = root.filter((l) => l.handle.stack && l.match('/api/v1/x') && !l.match('/x'));
  return apiRouters.flatMap((l) =>
    (l.handle.stack ?? [])
      .filter((r) => r.route)
      .flatMap((r) =>
        Object.keys(r.route!.methods).map(
          (m) => `${m.toUpperCase()} ${r.route!.path.replace(/:(\w+)/g, '{$1}')}`,
        ),
      ),
  );
}

describe('REST: the OpenAPI document', () => {
  let api: ApiClient;
  beforeEach(() => {
    api = new ApiClient();
  });

  it('documents exactly the routes express serves under /api/v1', async () => {
    const document = await api.loadDocument();
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const registered = registeredApiRoutes(api.app);
    expect(registered.length).to.be.greaterThan(0);
    expect([...registered].sort()).to.deep.equal([...documented].sort());
  });

  it('gives every operation a unique id, a tag, a permission and documented errors', async () => {
    const document = (await request(api.app).get('/openapi.json').expect(200)).body;
    expect(document.openapi).to.equal('3.1.0');
    const operations = Object.values(
      document.paths as Record<string, Record<string, Record<string, unknown>>>,
    ).flatMap((methods) => Object.values(methods));
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).to.equal(ids.length);
    for (const op of operations) {
      expect(op.tags, String(op.operationId)).to.have.length(1);
      expect(op['x-permission'], String(op.operationId)).to.exist;
      expect(op.responses, String(op.operationId)).to.include.keys('400', '401', '403');
    }
  });

  it('answers every operation but signing in without a key with a 401 problem that validates against the document', async () => {
    const document = await api.loadDocument();
    for (const [path, methods] of Object.entries(document.paths))
      for (const [method, operation] of Object.entries(methods)) {
        if ((operation as { 'x-permission'?: string })['x-permission'] === 'public') continue;
        const url = path.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await api.call(method as 'get', url);
        expect(res.status, `${method} ${url}`).to.equal(401);
        expect(res.headers['content-type']).to.match(/application\/problem\+json/);
      }
  });

  it('serves a browsable page of the document at /docs, with no external resources', async () => {
    const res = await request(api.app).get('/docs').expect(200);
    expect(res.headers['content-type']).to.match(/text\/html/);
    expect(res.text).to.include('/users/{id}/api-keys');
    expect(res.text).not.to.match(/<script|https?:\/\/(?!wa-ops)/);
  });
});
