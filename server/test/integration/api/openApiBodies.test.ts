import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import { apiRoutes } from '../../../src/apiRoutes';
import type { RouteDefinition } from '../../../src/shared/http/api/RouteDefinition';
import { openApiDocument, openApiPath } from '../../../src/shared/http/api/openApiDocument';
import { validateRequest } from '../../../src/shared/http/api/validateRequest';
import { testContainer } from '../../support/testContainer';

const ID = '0b7f3c1e-5a3d-4f2b-9c1e-7d2a4b6c8e90';
const PHONE = '+5491155550101';
const TEMPLATE_CALL = { name: 'trip_broadcast', language: 'en', params: ['Pickup moved to 8am'] };

/** A valid body of every operation that takes one: the starting point of each probe below. */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  'POST /users': { name: 'Lucía', phone: PHONE, role: 'field_staff' },
  'PATCH /users/:id': { name: 'Lucía P.', role: 'operations', active: true },
  'POST /users/:id/api-keys': { keepExisting: true },
  'PATCH /leads/:id': { status: 'contacted', assignedTo: ID },
  'POST /leads/:id/quotes': { amount: 1500, currency: 'USD', description: '4 people, 3 days' },
  'POST /leads/:id/convert': { tripCode: 'TRP123', partySize: 4, amount: '1500.00', currency: 'USD' },
  'POST /bookings/:id/payments': { amount: 1500, currency: 'USD', reference: 'transfer 0042' },
  'POST /trips': { code: 'TRP123', name: 'Iguazu Falls', departureDate: '2027-03-14' },
  'POST /trips/:code/assignments': { userId: ID },
  'PATCH /incidents/:id': {
    status: 'resolved',
    note: 'tyre changed',
    notifyCustomers: true,
    message: 'On our way',
  },
  'PATCH /conversations/:id': { assignedTo: ID },
  'POST /messages': { to: PHONE, template: { ...TEMPLATE_CALL, header: { type: 'text', text: 'Hi' } } },
  'POST /conversations/:id/messages': { media: { type: 'image', id: ID, caption: 'the map' } },
  'POST /opt-ins': { phone: PHONE, source: 'web form' },
  'POST /templates': {
    name: 'trip_update',
    language: 'en',
    category: 'UTILITY',
    header: { format: 'TEXT', text: 'Update' },
    body: 'Hello {{1}}',
    bodyExamples: ['Ana'],
    footer: 'Andes Treks',
    buttons: [{ type: 'QUICK_REPLY', text: 'OK' }],
  },
  'PATCH /templates/:id': { body: 'Hi {{1}}', bodyExamples: ['Ana'], category: 'UTILITY' },
  'POST /broadcast-lists': { name: 'March', members: [{ phone: PHONE, name: 'Ana' }] },
  'POST /broadcast-lists/:id/members': { members: [{ phone: PHONE }] },
  'POST /broadcasts': { template: TEMPLATE_CALL, tripCode: 'TRP123' },
  'PATCH /contacts/:phone': { name: 'Carla', language: 'es', tags: ['vip'], notes: 'Prefers mornings' },
  'POST /timeline/notes': { entityType: 'lead', entityId: ID, text: 'Called her back' },
  'POST /webhook-subscriptions': { url: 'https://hooks.example.com/wa-ops', events: ['lead.created'] },
  'PATCH /webhook-subscriptions/:id': { events: ['lead.created'], status: 'active' },
  'POST /bookings/:id/cancel': { reason: 'the customer fell ill', refundAmount: '450.00' },
  'PUT /settings/payments': {
    instructions: 'Bank transfer to CBU 0110 0001',
    paymentUrlTemplate: 'https://checkout.example/pay?ref={ref}',
    webhookSecret: 'a-generic-secret',
    mercadopago: { accessToken: 'APP_USR-123456', webhookSecret: 'mp-secret-123' },
  },
  'PUT /settings/sms-fallback': { enabled: true, from: '+15550100123' },
  'POST /quick-replies': { shortcut: 'precios', text: 'Our prices for 2027: …' },
  'PATCH /quick-replies/:id': { shortcut: 'prices', text: 'Our prices for 2027, updated: …' },
  'PUT /settings/pricing': { currency: 'USD', prices: { marketing: 0.0625, utility: 0.0113 } },
  'PUT /settings/auto-responder': {
    timezone: 'America/Argentina/Buenos_Aires',
    businessHours: { monday: ['09:00-13:00', '14:00-18:00'], saturday: ['10:00-14:00'] },
    holidays: ['2026-12-25'],
    awayMessage: 'We are closed; we answer from 9am.',
    greeting: 'Welcome to Andes Treks!',
    rules: [{ match: { keywords: ['price'] }, reply: { text: 'From USD 450.' }, handoff: false }],
    ai: { enabled: false, instructions: 'You sell treks.', maxRepliesPerConversation: 5 },
  },
  'POST /auth/login-code': { phone: PHONE, tenant: 'default' },
  'POST /auth/session': { phone: PHONE, code: '123456' },
  'POST /setup': { token: 'a'.repeat(32), name: 'Marta', phone: PHONE },
  'POST /whatsapp/connections': {
    provider: 'meta',
    phoneNumber: '+5491155550199',
    phoneNumberId: '123456789012345',
    businessAccountId: '987654321098765',
    verifyToken: 'verify-me',
    accessToken: 'EAAG-token',
    webhookSecret: 'app-secret',
    markAsRead: true,
  },
  'PATCH /whatsapp/connections/:id': { verifyToken: 'verify-again', markAsRead: false },
  'POST /onboarding/meta': {
    code: 'AQDx-code-from-fb-login',
    wabaId: '102938475610293',
    phoneNumberId: '106540352242922',
  },
  'POST /onboarding/360dialog': { channelId: 'Ch7xYz01' },
};

/** One value of each JSON type. No numeric or boolean strings: joi converts those, on purpose. */
const VALUES_OF_EVERY_TYPE: unknown[] = ['x', '', 12345, 1.5, true, null, {}, []];

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; type?: unknown };
type Body = Record<string, unknown>;

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

const clone = <T>(value: T): T => structuredClone(value);

/** Every variation of `example`: an unknown field, each field removed, each field of another type — nested too. */
function probes(example: Body, schema: JsonSchema, at: string[] = []): Array<{ what: string; body: Body }> {
  const where = (key: string) => [...at, key].join('.');
  const variants: Array<{ what: string; path: string[]; value?: unknown; remove?: boolean }> = [
    { what: `${at.join('.') || 'body'} with an unknown field`, path: [...at, 'zzUnknown'], value: 1 },
  ];
  for (const key of Object.keys(schema.properties ?? {})) {
    variants.push({ what: `without ${where(key)}`, path: [...at, key], remove: true });
    for (const value of VALUES_OF_EVERY_TYPE)
      variants.push({ what: `${where(key)} = ${JSON.stringify(value)}`, path: [...at, key], value });
  }
  const own = variants.map(({ what, path, value, remove }) => ({
    what,
    body: setAt(example, path, value, remove),
  }));
  const nested = Object.entries(schema.properties ?? {}).flatMap(([key, property]) => {
    const value = valueAt(example, [...at, key]);
    if (property.properties && value && typeof value === 'object' && !Array.isArray(value))
      return probes(example, property, [...at, key]);
    if (property.items?.properties && Array.isArray(value) && value.length)
      return probes(example, property.items, [...at, key, '0']);
    return [];
  });
  return [...own, ...nested];
}

function valueAt(body: Body, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], body);
}

function setAt(body: Body, path: string[], value: unknown, remove = false): Body {
  const copy = clone(body);
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string, unknown>;
  const key = path[path.length - 1];
  if (remove) delete parent[key];
  else parent[key] = value;
  return copy;
}

function validatorAccepts(route: RouteDefinition, body: Body): boolean {
  try {
    validateRequest({ body: route.request!.body }, { params: {}, query: {}, body: clone(body) });
    return true;
  } catch {
    return false;
  }
}

describe('REST: request bodies — the OpenAPI document and the validator agree', () => {
  let routes: RouteDefinition[];
  let document: ReturnType<typeof openApiDocument>;
  before(() => {
    routes = apiRoutes(testContainer().container).filter((r) => r.request?.body);
    document = openApiDocument(routes);
  });
  const schemaOf = (route: RouteDefinition) =>
    (
      document.paths[openApiPath(route.path)][route.method] as {
        requestBody: { content: { 'application/json': { schema: JsonSchema } } };
      }
    ).requestBody.content['application/json'].schema;
  const name = (route: RouteDefinition) => `${route.method.toUpperCase()} ${route.path}`;

  it('has a valid example of every body, accepted by both', () => {
    expect(routes.map(name).sort()).to.deep.equal(Object.keys(EXAMPLES).sort());
    for (const route of routes) {
      const validate = ajv.compile(schemaOf(route));
      expect(validate(EXAMPLES[name(route)]), `${name(route)}: ${JSON.stringify(validate.errors)}`).to.equal(
        true,
      );
      expect(validatorAccepts(route, EXAMPLES[name(route)]), name(route)).to.equal(true);
    }
  });

  it('gives the same verdict on every variation: unknown, missing and mistyped fields, at every depth', () => {
    const disagreements: string[] = [];
    for (const route of routes) {
      const validate = ajv.compile(schemaOf(route));
      for (const { what, body } of probes(EXAMPLES[name(route)], schemaOf(route))) {
        const documented = validate(body);
        const validated = validatorAccepts(route, body);
        if (documented !== validated)
          disagreements.push(
            `${name(route)} ${what}: the document ${documented ? 'accepts' : 'refuses'}, the validator ${validated ? 'accepts' : 'refuses'}`,
          );
      }
    }
    expect(disagreements, disagreements.join('\n')).to.deep.equal([]);
  });

  it('declares a type for every body field (nothing is documented as “any”)', () => {
    const untyped: string[] = [];
    const walk = (schema: JsonSchema & Record<string, unknown>, at: string) => {
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const p = property as JsonSchema & Record<string, unknown>;
        const typed = ['type', 'const', 'enum', 'anyOf', 'oneOf', '$ref'].some((k) => k in p);
        if (!typed || (Array.isArray(p.type) && p.type.length >= 5)) untyped.push(`${at}.${key}`);
        walk(p, `${at}.${key}`);
        if (p.items) walk(p.items as JsonSchema & Record<string, unknown>, `${at}.${key}[]`);
      }
    };
    for (const route of routes) walk(schemaOf(route) as JsonSchema & Record<string, unknown>, name(route));
    expect(untyped).to.deep.equal([]);
  });
});
