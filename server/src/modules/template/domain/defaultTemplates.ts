import type { TemplateButton, TemplateDefinition } from './TemplateContent';
import { hasWording, wordingOf, type Wording } from '../../../shared/wording';
import { fillPlaceholders } from './templateParameters';

/** A text in each language the default templates are written in. */
type Wordings = Record<Wording, string>;

/**
 * The templates every tenant gets (`wa-ops templates seed`), and the parameter order the code
 * fills them with. System notifications carry one of these as their fallback outside the 24-hour
 * window, so a business action and its template must agree on the parameters listed here.
 * WhatsApp refuses bodies that start or end with a parameter, hence the closing sentences.
 */
export interface DefaultTemplate {
  name: string;
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  params: string[];
  /** Sample values for the provider's reviewers, in parameter order. */
  examples: string[];
  body: Wordings;
  footer?: Wordings;
  button?: Wordings;
  codeExpirationMinutes?: number;
}

export const DEFAULT_TEMPLATES = {
  incident_alert: {
    name: 'incident_alert',
    category: 'UTILITY',
    params: ['tripCode', 'incidentRef', 'description', 'reportedBy'],
    examples: ['TRP123', 'INC-7', 'vehicle breakdown at the checkpoint', 'Ana'],
    body: {
      en: 'Incident {{2}} on trip {{1}}: {{3}} (reported by {{4}}).',
      es: 'Incidente {{2}} en el viaje {{1}}: {{3}} (informado por {{4}}).',
      pt: 'Incidente {{2}} na viagem {{1}}: {{3}} (informado por {{4}}).',
    },
  },
  incident_update: {
    name: 'incident_update',
    category: 'UTILITY',
    params: ['tripCode', 'incidentRef', 'update'],
    examples: ['TRP123', 'INC-7', 'the replacement vehicle has arrived'],
    body: {
      en: 'Update on {{2}} (trip {{1}}): {{3}}. Reply to this message if you need anything.',
      es: 'Novedad sobre {{2}} (viaje {{1}}): {{3}}. Responde a este mensaje si necesitas algo.',
      pt: 'Novidade sobre {{2}} (viagem {{1}}): {{3}}. Responda a esta mensagem se precisar de algo.',
    },
  },
  payment_link: {
    name: 'payment_link',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'amount', 'link'],
    examples: ['Maria', 'BK-12', 'USD 450.00', 'https://example.com/pay/BK-12?t=abc123'],
    body: {
      en: 'Hi {{1}}, your booking {{2}} is reserved. Pay {{3}} here: {{4}} (this link is personal).',
      es: 'Hola {{1}}, tu reserva {{2}} está apartada. Paga {{3}} aquí: {{4}} (este enlace es personal).',
      pt: 'Olá {{1}}, sua reserva {{2}} está garantida. Pague {{3}} aqui: {{4}} (este link é pessoal).',
    },
  },
  payment_reminder: {
    name: 'payment_reminder',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'amount', 'link'],
    examples: ['Maria', 'BK-12', 'USD 450.00', 'https://example.com/pay/BK-12?t=abc123'],
    body: {
      en: 'Hi {{1}}, a reminder that {{3}} is pending for booking {{2}}: {{4}} (this link is personal).',
      es: 'Hola {{1}}, te recordamos que {{3}} está pendiente para la reserva {{2}}: {{4}} (este enlace es personal).',
      pt: 'Olá {{1}}, lembramos que {{3}} está pendente para a reserva {{2}}: {{4}} (este link é pessoal).',
    },
  },
  booking_confirmed: {
    name: 'booking_confirmed',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'tripName', 'departureDate'],
    examples: ['Maria', 'BK-12', 'Inca Trail 4 days', '2026-12-14'],
    body: {
      en: 'Thank you {{1}}! Booking {{2}} for {{3}} on {{4}} is confirmed.',
      es: '¡Gracias {{1}}! La reserva {{2}} para {{3}} el {{4}} está confirmada.',
      pt: 'Obrigado, {{1}}! A reserva {{2}} para {{3}} em {{4}} está confirmada.',
    },
  },
  quote_ready: {
    name: 'quote_ready',
    category: 'UTILITY',
    params: ['customerName', 'quoteRef', 'amount', 'description'],
    examples: ['Maria', 'Q-3', 'USD 900.00', 'Inca Trail for 2 people in December'],
    body: {
      en: 'Hi {{1}}, your quote {{2}} is ready: {{4}}, {{3}}. Reply to this message to go ahead.',
      es: 'Hola {{1}}, tu presupuesto {{2}} está listo: {{4}}, {{3}}. Responde a este mensaje para continuar.',
      pt: 'Olá {{1}}, seu orçamento {{2}} está pronto: {{4}}, {{3}}. Responda a esta mensagem para continuar.',
    },
  },
  trip_broadcast: {
    name: 'trip_broadcast',
    category: 'UTILITY',
    params: ['tripCode', 'message'],
    examples: ['TRP123', 'we meet at the hotel lobby at 6:00'],
    body: {
      en: 'Trip {{1}}: {{2}}. Reply to this message if you have any questions.',
      es: 'Viaje {{1}}: {{2}}. Responde a este mensaje si tienes alguna pregunta.',
      pt: 'Viagem {{1}}: {{2}}. Responda a esta mensagem se tiver alguma dúvida.',
    },
  },
  booking_cancelled: {
    name: 'booking_cancelled',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'reason', 'refund'],
    examples: ['Maria', 'BK-12', 'the trip was called off for weather', '450.00 USD'],
    body: {
      en: 'Hi {{1}}, booking {{2}} has been cancelled: {{3}}. Refund: {{4}}. Reply to this message if you have any questions.',
      es: 'Hola {{1}}, la reserva {{2}} fue cancelada: {{3}}. Reembolso: {{4}}. Responde a este mensaje si tienes alguna pregunta.',
      pt: 'Olá {{1}}, a reserva {{2}} foi cancelada: {{3}}. Reembolso: {{4}}. Responda a esta mensagem se tiver alguma dúvida.',
    },
  },
  trip_assignment: {
    name: 'trip_assignment',
    category: 'UTILITY',
    params: ['staffName', 'tripCode', 'tripName', 'departureDate'],
    examples: ['Gabriel', 'TRP123', 'Iguazú Falls, 3 days', '2026-12-14'],
    body: {
      en: 'Hi {{1}}, you are assigned to trip {{2}} ({{3}}) departing {{4}}. Send STATUS and the trip code for its details.',
      es: 'Hola {{1}}, fuiste asignado al viaje {{2}} ({{3}}) que sale el {{4}}. Envía ESTADO y el código del viaje para ver los detalles.',
      pt: 'Olá {{1}}, você foi designado para a viagem {{2}} ({{3}}) que sai em {{4}}. Envie STATUS e o código da viagem para ver os detalhes.',
    },
  },
  trip_reminder: {
    name: 'trip_reminder',
    category: 'UTILITY',
    params: ['name', 'tripName', 'departureDate', 'details'],
    examples: ['Maria', 'Iguazú Falls, 3 days', '2026-12-14', 'booking BK-12 for 4 people'],
    body: {
      en: 'Hi {{1}}, a reminder that {{2}} departs on {{3}}: {{4}}. Reply to this message if you have any questions.',
      es: 'Hola {{1}}, te recordamos que {{2}} sale el {{3}}: {{4}}. Responde a este mensaje si tienes alguna pregunta.',
      pt: 'Olá {{1}}, lembramos que {{2}} sai em {{3}}: {{4}}. Responda a esta mensagem se tiver alguma dúvida.',
    },
  },
  // WhatsApp writes an AUTHENTICATION template's words itself; these are the same words, for the
  // free-form message while the window is open and for providers that show our text.
  login_code: {
    name: 'login_code',
    category: 'AUTHENTICATION',
    params: ['code'],
    examples: ['123456'],
    body: {
      en: '*{{1}}* is your verification code. For your security, do not share this code.',
      es: '*{{1}}* es tu código de verificación. Por tu seguridad, no lo compartas.',
      pt: '*{{1}}* é o seu código de verificação. Para sua segurança, não o compartilhe.',
    },
    footer: {
      en: 'This code expires in 10 minutes.',
      es: 'Este código caduca en 10 minutos.',
      pt: 'Este código expira em 10 minutos.',
    },
    button: { en: 'Copy code', es: 'Copiar código', pt: 'Copiar código' },
    codeExpirationMinutes: 10,
  },
  account_alert: {
    name: 'account_alert',
    category: 'UTILITY',
    params: ['account', 'summary'],
    examples: ['Andes Treks', 'the number was flagged for low quality'],
    body: {
      en: 'WhatsApp account notice for {{1}}: {{2}}. Details are in WhatsApp Manager.',
      es: 'Aviso de la cuenta de WhatsApp {{1}}: {{2}}. Los detalles están en WhatsApp Manager.',
      pt: 'Aviso da conta do WhatsApp {{1}}: {{2}}. Os detalhes estão no WhatsApp Manager.',
    },
  },
} as const satisfies Record<string, DefaultTemplate>;

export type DefaultTemplateName = keyof typeof DEFAULT_TEMPLATES;

/** Whether the default templates have wording for `language` (other languages are seeded in `en`). */
export const hasDefaultWording = hasWording;

/** The filled body, for the free-form message sent while the window is open. */
export function renderTemplate(name: DefaultTemplateName, language: string, params: string[]): string {
  return fillPlaceholders(DEFAULT_TEMPLATES[name].body[wordingOf(language)], params);
}

/** The definition submitted for a default template in `language`. */
export function defaultTemplateDefinition(name: DefaultTemplateName, language: string): TemplateDefinition {
  const template: DefaultTemplate = DEFAULT_TEMPLATES[name];
  const words = wordingOf(language);
  const copyCode: TemplateButton | undefined = template.button && {
    type: 'OTP',
    otpType: 'COPY_CODE',
    text: template.button[words],
  };
  return {
    name: template.name,
    language,
    category: template.category,
    body: template.body[words],
    bodyExamples: [...template.examples],
    ...(template.footer ? { footer: template.footer[words] } : {}),
    ...(copyCode ? { buttons: [copyCode] } : {}),
    ...(template.codeExpirationMinutes ? { codeExpirationMinutes: template.codeExpirationMinutes } : {}),
  };
}
