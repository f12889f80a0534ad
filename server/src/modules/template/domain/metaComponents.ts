import type { ButtonType, HeaderFormat, TemplateButton, TemplateContent } from './TemplateContent';

/**
 * The Cloud API's `components` array (`POST /{waba-id}/message_templates`, and what
 * `GET …/message_templates` returns). `whatsapp_templates.components` stores this shape, so
 * operators' SQL and the provider see the same thing.
 */
export type MetaComponent = Record<string, unknown> & { type: string };

export function toMetaComponents(c: TemplateContent): MetaComponent[] {
  const components: MetaComponent[] = [];
  if (c.header) components.push(metaHeader(c.header.format, c.header.text, c.header.example));
  components.push({
    type: 'BODY',
    text: c.body,
    ...(c.bodyExamples?.length ? { example: { body_text: [c.bodyExamples] } } : {}),
  });
  if (c.footer !== undefined)
    components.push({
      type: 'FOOTER',
      text: c.footer,
      ...(c.codeExpirationMinutes ? { code_expiration_minutes: c.codeExpirationMinutes } : {}),
    });
  if (c.buttons?.length) components.push({ type: 'BUTTONS', buttons: c.buttons.map(metaButton) });
  return components;
}

function metaHeader(format: HeaderFormat, text?: string, example?: string): MetaComponent {
  if (format !== 'TEXT') return { type: 'HEADER', format };
  return { type: 'HEADER', format, text, ...(example ? { example: { header_text: [example] } } : {}) };
}

function metaButton(b: TemplateButton): Record<string, unknown> {
  if (b.type === 'URL')
    return { type: 'URL', text: b.text, url: b.url, ...(b.example ? { example: [b.example] } : {}) };
  if (b.type === 'PHONE_NUMBER') return { type: 'PHONE_NUMBER', text: b.text, phone_number: b.phoneNumber };
  if (b.type === 'OTP') return { type: 'OTP', otp_type: b.otpType ?? 'COPY_CODE', text: b.text };
  return { type: 'QUICK_REPLY', text: b.text };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const firstString = (v: unknown): string | undefined => (Array.isArray(v) ? str(v.flat()[0]) : undefined);

/** Reads a provider's components back (sync); parts we do not model are left out, never guessed. */
export function fromMetaComponents(components: unknown): TemplateContent {
  const list = Array.isArray(components) ? components.map(obj) : [];
  const byType = (type: string) => list.find((c) => String(c.type).toUpperCase() === type);
  const header = byType('HEADER');
  const body = byType('BODY');
  const footer = byType('FOOTER');
  const buttons = Array.isArray(byType('BUTTONS')?.buttons) ? (byType('BUTTONS')?.buttons as unknown[]) : [];
  const bodyExamples = obj(body?.example).body_text;
  return {
    ...(header && {
      header: {
        format: String(header.format ?? 'TEXT').toUpperCase() as HeaderFormat,
        text: str(header.text),
        example: firstString(obj(header.example).header_text),
      },
    }),
    body: str(body?.text) ?? '',
    ...(Array.isArray(bodyExamples) && Array.isArray(bodyExamples[0])
      ? { bodyExamples: (bodyExamples[0] as unknown[]).map(String) }
      : {}),
    ...(footer && str(footer.text) !== undefined ? { footer: str(footer.text) } : {}),
    ...(typeof footer?.code_expiration_minutes === 'number'
      ? { codeExpirationMinutes: footer.code_expiration_minutes }
      : {}),
    ...(buttons.length ? { buttons: buttons.map(obj).map(readButton) } : {}),
  };
}

function readButton(b: Record<string, unknown>): TemplateButton {
  return {
    type: String(b.type).toUpperCase() as ButtonType,
    text: str(b.text) ?? '',
    ...(str(b.url) ? { url: str(b.url) } : {}),
    ...(str(b.phone_number) ? { phoneNumber: str(b.phone_number) } : {}),
    ...(firstString(b.example) ? { example: firstString(b.example) } : {}),
    ...(str(b.otp_type) === 'COPY_CODE' ? { otpType: 'COPY_CODE' as const } : {}),
  };
}
