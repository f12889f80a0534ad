import { expect } from 'chai';
import fc from 'fast-check';
import { runCli } from '../support/process/cli';
import { FakeProviderServer } from '../support/FakeProviderServer';
import { META_APP, metaAppEnv } from '../support/process/metaApp';
import { serverProcess, type ServerProcess } from '../support/process/serverProcess';
import {
  hostileCursor,
  hostileJson,
  hostileJsonText,
  hostileText,
  hostileTimestamp,
} from './support/hostilePayloads';
import { byProfile, freshDatabase } from './support/resilienceHooks';
import { logScenario } from './support/scenarioLog';

const RUNS = byProfile(200, 1500);

interface Operation {
  method: string;
  /** OpenAPI path template: /api/v1/leads/{id} */
  path: string;
  query: string[];
  /** Query parameters the operation requires. */
  requiredQuery: string[];
  bodyFields?: string[];
}

type Schema = { $ref?: string; properties?: Record<string, unknown> };
type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; required?: boolean }>;
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/** Every operation of the served OpenAPI document: what to fuzz is whatever the API declares. */
function operationsOf(doc: OpenApi): Operation[] {
  const resolve = (schema?: Schema) =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.split('/').pop() ?? ''] : schema;
  // The event stream never ends by design (server-sent events): its edges are tested in
  // integration/events, not by a fuzzer that waits for each body.
  const finite = Object.entries(doc.paths).filter(([path]) => !/(^|\/)events$/.test(path));
  return finite.flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'patch', 'put', 'delete'].includes(method))
      .map(([method, op]) => {
        const body = resolve(op.requestBody?.content?.['application/json']?.schema);
        return {
          method: method.toUpperCase(),
          path: path.startsWith('/api/v1') ? path : `/api/v1${path}`,
          query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
          requiredQuery: (op.parameters ?? [])
            .filter((p) => p.in === 'query' && p.required)
            .map((p) => p.name),
          bodyFields: op.requestBody ? Object.keys(body?.properties ?? {}) : undefined,
        };
      }),
  );
}

/** Text a URL can carry (fetch refuses lone surrogates). */
const urlSafe = (text: string) => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));

describe('hostile input at the REST edges', function () {
  this.timeout(300_000);
  let server: ServerProcess;
  let operations: Operation[];
  let managerKey: string;
  let graph: FakeProviderServer;

  before(async () => {
    // A healthy provider: operations that call it (template sync, sends) must not fail for want of one.
    graph = await FakeProviderServer.start();
    graph.tokens.add(META_APP.accessToken);
    // Garbage keys are part of the fuzzing: the failed-authentication limit must not end it early.
    const env = { ...metaAppEnv(await freshDatabase('rest'), graph.url), AUTH_FAILURE_LIMIT: '1000000' };
    server = await serverProcess({ name: 'rest', env });
    await server.start();
    const created = await runCli(
      [
        'users',
        'create',
        '--name',
        'Fuzz Manager',
        '--phone',
        '+5491140001234',
        '--role',
        'manager',
        '--json',
      ],
      env,
    );
    managerKey = JSON.parse(created).apiKey;
    operations = operationsOf((await (await fetch(`${server.baseUrl}/openapi.json`)).json()) as OpenApi);
  });

  after(async () => {
    await server?.stop();
    await graph?.close();
  });

  it('answers every declared operation with odd params, queries, bodies and credentials without a 5xx', async () => {
    expect(operations.length, 'operations in /openapi.json').to.be.greaterThan(10);
    const request = fc.constantFrom(...operations).chain((op) =>
      fc.record({
        op: fc.constant(op),
        params: fc.array(
          hostileText.filter((t) => t.length < 2000),
          { minLength: 4, maxLength: 4 },
        ),
        query: fc.dictionary(
          fc.constantFrom(...op.query, 'limit', 'cursor'),
          hostileText.filter((t) => t.length < 2000),
          { maxKeys: 3 },
        ),
        body: op.bodyFields?.length
          ? fc.oneof(
              fc.dictionary(fc.constantFrom(...op.bodyFields), hostileJson, {
                maxKeys: op.bodyFields.length,
              }),
              hostileJson,
            )
          : hostileJson,
        auth: fc.constantFrom('manager', 'manager', 'manager', 'none', 'garbage'),
      }),
    );
    const statuses: Record<number, number> = {};
    const result = await fc.check(
      fc.asyncProperty(request, async ({ op, params, query, body, auth }) => {
        let n = 0;
        const path = op.path.replace(/\{[^}]+\}/g, () => urlSafe(params[n++ % params.length] || 'x'));
        const search = new URLSearchParams(
          Object.entries(query).map(([k, v]): [string, string] => [k, v.replace(/[\uD800-\uDFFF]/g, '')]),
        );
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (auth === 'manager') headers.authorization = `Bearer ${managerKey}`;
        if (auth === 'garbage') headers.authorization = 'Bearer wa_live_0000';
        const response = await fetch(`${server.baseUrl}${path}?${search}`, {
          method: op.method,
          headers,
          body: op.method === 'GET' || op.method === 'DELETE' ? undefined : (JSON.stringify(body) ?? 'null'),
        });
        const text = await response.text();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(response.status, `${op.method} ${path}?${search} → ${text.slice(0, 300)}`).to.be.below(500);
      }),
      { numRuns: RUNS },
    );
    if (result.failed)
      throw new Error(
        `${fc.defaultReportMessage(result)}\n--- server log ---\n${server.output().slice(-3000)}`,
      );
    logScenario({ operations: operations.length, statuses });
    expect(server.crashes).to.deep.equal([]);
  });

  it('answers forged cursors, impossible dates, lone surrogates and deep nesting on every operation without a 5xx', async () => {
    const dateParams = new Set(['from', 'to', 'since', 'departureDate']);
    const request = fc.constantFrom(...operations).chain((op) =>
      fc.record({
        op: fc.constant(op),
        cursor: hostileCursor,
        dates: fc.dictionary(
          fc.constantFrom('from', 'to', ...op.query.filter((q) => dateParams.has(q))),
          hostileTimestamp,
          {
            maxKeys: 2,
          },
        ),
        body: op.bodyFields?.length
          ? fc.oneof(
              hostileJsonText,
              fc
                .record({ field: fc.constantFrom(...op.bodyFields), date: hostileTimestamp })
                .map(({ field, date }) => JSON.stringify({ [field]: date, departureDate: date })),
            )
          : hostileJsonText,
      }),
    );
    const statuses: Record<number, number> = {};
    const result = await fc.check(
      fc.asyncProperty(request, async ({ op, cursor, dates, body }) => {
        const path = op.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const search = new URLSearchParams({ cursor, ...dates });
        const response = await fetch(`${server.baseUrl}${path}?${search}`, {
          method: op.method,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${managerKey}` },
          body: op.method === 'GET' || op.method === 'DELETE' ? undefined : body,
        });
        const text = await response.text();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        expect(response.status, `${op.method} ${path}?${search} → ${text.slice(0, 300)}`).to.be.below(500);
      }),
      { numRuns: RUNS },
    );
    if (result.failed)
      throw new Error(
        `${fc.defaultReportMessage(result)}\n--- server log ---\n${server.output().slice(-3000)}`,
      );
    logScenario({ operations: operations.length, statuses });
    expect(server.crashes).to.deep.equal([]);
  });

  it('answers every list with a forged cursor with 400 naming the cursor', async () => {
    const lists = operations.filter(
      (op) =>
        op.method === 'GET' &&
        op.query.includes('cursor') &&
        !op.path.includes('{') &&
        !op.requiredQuery.length,
    );
    expect(lists.length, 'paginated lists').to.be.at.least(8);
    const statuses: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...lists), hostileCursor, async (op, cursor) => {
        const response = await fetch(`${server.baseUrl}${op.path}?cursor=${cursor}`, {
          headers: { authorization: `Bearer ${managerKey}` },
        });
        const body = (await response.json()) as { fields?: Array<{ field: string }>; data?: unknown[] };
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        // A forged cursor that happens to be a real position (a valid time and uuid) may page.
        if (response.status === 200) return;
        expect(response.status, `${op.path} ${Buffer.from(cursor, 'base64url').toString()}`).to.equal(400);
        expect(body.fields?.map((f) => f.field)).to.deep.equal(['cursor']);
      }),
      { numRuns: RUNS },
    );
    logScenario({ lists: lists.length, statuses });
  });
});
