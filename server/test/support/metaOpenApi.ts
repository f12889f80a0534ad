import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

type Schema = Record<string, unknown>;

const DOCUMENT = path.resolve(__dirname, '../fixtures/meta-openapi/business-messaging-api_v23.0.yaml');

/** The message schema of each Cloud API `type` (dispatched by hand, not by `discriminator`). */
const VARIANTS: Record<string, string> = {
  text: 'TextMessage',
  audio: 'AudioMessage',
  document: 'DocumentMessage',
  image: 'ImageMessage',
  location: 'LocationMessage',
  video: 'VideoMessage',
  sticker: 'StickerMessage',
  reaction: 'ReactionMessage',
  interactive: 'InteractiveMessage',
  template: 'TemplateMessage',
  contacts: 'ContactsMessage',
};

function walk(node: unknown, visit: (schema: Schema) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Schema);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

/** The seven patches of ../fixtures/meta-openapi/README.md. */
function patch(schemas: Record<string, Schema>): void {
  for (const name of Object.values(VARIANTS)) {
    const variant = schemas[name];
    for (const part of variant.allOf as Schema[]) delete part.additionalProperties;
    variant.unevaluatedProperties = false;
  }
  const base = schemas.BaseMessageProperties as { required: string[]; properties: Schema };
  base.required = base.required.filter((r) => r !== 'recipient_type');
  base.properties.biz_opaque_callback_data = { type: 'string', maxLength: 512 };
  const language = schemas.LanguageObject as { required: string[] };
  language.required = language.required.filter((r) => r !== 'policy');
  walk(schemas.LocationMessage, (s) => {
    if (s.latitude) (s.latitude as Schema).type = ['number', 'string'];
    if (s.longitude) (s.longitude as Schema).type = ['number', 'string'];
  });
  walk(schemas, (s) => {
    if (s.pattern === '^[2-6, 11-14]$') delete s.pattern;
  });
  const interactive = schemas.InteractiveObject as { properties: { type: { enum: string[] } } };
  interactive.properties.type.enum.push('cta_url');
  (schemas.ActionObject.oneOf as Schema[]).push({
    required: ['name', 'parameters'],
    properties: {
      name: { type: 'string', enum: ['cta_url'] },
      parameters: {
        type: 'object',
        required: ['display_text', 'url'],
        additionalProperties: false,
        properties: { display_text: { type: 'string', maxLength: 20 }, url: { type: 'string' } },
      },
    },
  });
}

let validators: Map<string, ValidateFunction> | undefined;

function load_(): Map<string, ValidateFunction> {
  const document = load(readFileSync(DOCUMENT, 'utf8')) as {
    components: { schemas: Record<string, Schema> };
  };
  patch(document.components.schemas);
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'meta', components: document.components });
  return new Map(
    Object.entries(VARIANTS).map(([type, name]) => [
      type,
      ajv.getSchema(`meta#/components/schemas/${name}`) as ValidateFunction,
    ]),
  );
}

/**
 * The problems Meta's (patched) OpenAPI schema finds in a `POST /{phone-number-id}/messages` body;
 * empty when it validates.
 */
export function metaSendProblems(body: Record<string, unknown>): string[] {
  validators ??= load_();
  const validate = validators.get(String(body.type));
  if (!validate) return [`no message schema for type ${String(body.type)}`];
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
