import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import type { Express } from 'express';
import request, { type Response } from 'supertest';
import { createApp } from '../../src/app';
import { aTenant, aUser } from './builders';
import type { Role } from '../../src/modules/identity/domain/Role';
import type { Tenant } from '../../src/modules/identity/domain/Tenant';
import { testContainer, type TestContext } from './testContainer';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<object, ReturnType<typeof ajv.compile>>();
const validator = (schema: object) => {
  let fn = compiled.get(schema);
  if (!fn) compiled.set(schema, (fn = ajv.compile(schema)));
  return fn;
};

/** The documented operation a concrete `/api/v1/...` path hits (`/leads/LD-1` → `/leads/{id}`). */
export function operationFor(document: Document, method: Method, url: string): Operation | undefined {
  const path = url.replace(/^\/api\/v1/, '').split('?')[0];
  for (const [template, methods] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`);
    if (pattern.test(path) && methods[method]) return methods[method];
  }
  return undefined;
}

/** The response's status is documented for that operation and its JSON body validates against the schema. */
export function assertConforms(document: Document, method: Method, url: string, res: Response): void {
  const operation = operationFor(document, method, url);
  expect(operation, `${method.toUpperCase()} ${url} is not documented`).to.exist;
  const documented = operation!.responses[String(res.status)];
  expect(documented, `${method.toUpperCase()} ${url} answered an undocumented ${res.status}`).to.exist;
  const type = String(res.headers['content-type'] ?? '').split(';')[0];
  if (type === 'application/problem+json') {
    const validate = validator(document.components.schemas.Problem);
    expect(validate(res.body), JSON.stringify(validate.errors)).to.equal(true);
    return;
  }
  const schema = documented.content?.[type]?.schema;
  if (type === 'application/json') {
    expect(schema, `${method.toUpperCase()} ${url} ${res.status}: no JSON schema`).to.exist;
    const validate = validator(schema!);
    expect(validate(res.body), `${method.toUpperCase()} ${url}: ${JSON.stringify(validate.errors)}`).to.equal(
      true,
    );
  }
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** supertest on createApp(testContainer), every answer checked against /openapi.json. */
export class ApiClient {
  readonly app: Express;
  document!: Document;

  constructor(readonly context: TestContext = testContainer()) {
    this.app = createApp(context.container);
  }

  async loadDocument(): Promise<Document> {
    this.document ??= (await request(this.app).get('/openapi.json').expect(200)).body as Document;
    return this.document;
  }

  async call(method: Method, url: string, options: CallOptions = {}): Promise<Response> {
    const document = await this.loadDocument();
    let req = request(this.app)[method](`/api/v1${url}`);
    if (options.key) req = req.set('authorization', `Bearer ${options.key}`);
    for (const [name, value] of Object.entries(options.headers ?? {})) req = req.set(name, value);
    if (options.query) req = req.query(options.query);
    const res = await (options.body === undefined ? req : req.send(options.body as object));
    assertConforms(document, method, `/api/v1${url}`, res);
    return res;
  }

  get = (url: string, options?: CallOptions) => this.call('get', url, options);
  post = (url: string, options?: CallOptions) => this.call('post', url, options);
  put = (url: string, options?: CallOptions) => this.call('put', url, options);
  patch = (url: string, options?: CallOptions) => this.call('patch', url, options);
  delete = (url: string, options?: CallOptions) => this.call('delete', url, options);
}

/** A staff user with an API key, in `tenant` or a new one. */
export async function staff(role: Role, tenant?: Tenant) {
  const t = tenant ?? (await aTenant());
  const user = await aUser(t, { role });
  return { tenant: t, user, key: user.apiKey };
}
