import type { TemplateButton, TemplateDefinition } from '../TemplateProviderApi';

type Component = Record<string, unknown>;

const parameterCount = (text: string) => new Set(text.match(/\{\{\s*\d+\s*\}\}/g) ?? []).size;

function examples(given: string[] | undefined, count: number): string[] {
  return Array.from({ length: count }, (_, i) => given?.[i] ?? `sample ${i + 1}`);
}

function buttonComponent(button: TemplateButton): Component {
  if (button.type === 'QUICK_REPLY') return { type: 'QUICK_REPLY', text: button.text };
  if (button.type === 'PHONE_NUMBER')
    return { type: 'PHONE_NUMBER', text: button.text, phone_number: button.phoneNumber };
  if (button.type === 'OTP') return { type: 'OTP', otp_type: button.otpType, text: button.text };
  return {
    type: 'URL',
    text: button.text,
    url: button.url,
    ...(parameterCount(button.url)
      ? { example: [button.example ?? button.url.replace(/\{\{\s*1\s*\}\}/, 'sample')] }
      : {}),
  };
}

/**
 * WhatsApp writes an AUTHENTICATION template's text itself ("*{{1}}* is your verification code.",
 * the security advice, the expiry): the submission only asks for those parts and the OTP button.
 */
function authenticationComponents(template: TemplateDefinition): Component[] {
  return [
    { type: 'BODY', add_security_recommendation: true },
    ...(template.codeExpirationMinutes
      ? [{ type: 'FOOTER', code_expiration_minutes: template.codeExpirationMinutes }]
      : []),
    { type: 'BUTTONS', buttons: (template.buttons ?? []).map(buttonComponent) },
  ];
}

/** Our definition as Cloud API `components` (HEADER, BODY with examples, FOOTER, BUTTONS). */
export function toCloudApiComponents(template: TemplateDefinition): Component[] {
  if (template.category === 'AUTHENTICATION') return authenticationComponents(template);
  const components: Component[] = [];
  if (template.header !== undefined)
    components.push({
      type: 'HEADER',
      format: 'TEXT',
      text: template.header,
      ...(parameterCount(template.header)
        ? { example: { header_text: [template.headerExample ?? 'sample'] } }
        : {}),
    });
  const bodyParams = parameterCount(template.body);
  components.push({
    type: 'BODY',
    text: template.body,
    ...(bodyParams ? { example: { body_text: [examples(template.bodyExamples, bodyParams)] } } : {}),
  });
  if (template.footer !== undefined) components.push({ type: 'FOOTER', text: template.footer });
  if (template.buttons?.length)
    components.push({ type: 'BUTTONS', buttons: template.buttons.map(buttonComponent) });
  return components;
}

const str = (value: unknown) => (typeof value === 'string' ? value : undefined);

function readButton(raw: Record<string, unknown>): TemplateButton | undefined {
  const text = str(raw.text) ?? '';
  switch (str(raw.type)?.toUpperCase()) {
    case 'QUICK_REPLY':
      return { type: 'QUICK_REPLY', text };
    case 'URL':
      return { type: 'URL', text, url: str(raw.url) ?? '' };
    case 'PHONE_NUMBER':
      return { type: 'PHONE_NUMBER', text, phoneNumber: str(raw.phone_number) ?? '' };
    case 'OTP':
      return { type: 'OTP', text, otpType: 'COPY_CODE' };
    default:
      return undefined;
  }
}

/** The text parts and plain buttons of Cloud API components (media headers and other buttons stay in the raw list). */
export function fromCloudApiComponents(components: unknown[]) {
  const parts = components.filter((c): c is Record<string, unknown> => typeof c === 'object' && c !== null);
  const of = (type: string) => parts.find((c) => str(c.type)?.toUpperCase() === type);
  const header = of('HEADER');
  const rawButtons = of('BUTTONS')?.buttons;
  return {
    header: str(header?.format)?.toUpperCase() === 'TEXT' ? str(header?.text) : undefined,
    body: str(of('BODY')?.text),
    footer: str(of('FOOTER')?.text),
    buttons: (Array.isArray(rawButtons) ? rawButtons : [])
      .map((b) => readButton(b as Record<string, unknown>))
      .filter((b): b is TemplateButton => b !== undefined),
  };
}
