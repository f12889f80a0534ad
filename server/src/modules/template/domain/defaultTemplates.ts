/**
 * The templates every tenant gets (`wa-ops templates seed`), and the parameter order the code
 * fills them with. System notifications carry one of these as their fallback outside the 24-hour
 * window, so a business action and its template must agree on the parameters listed here.
 */
export interface DefaultTemplate {
  name: string;
  category: 'UTILITY' | 'MARKETING';
  params: string[];
  body: { en: string; es: string };
}

export const DEFAULT_TEMPLATES = {
  incident_alert: {
    name: 'incident_alert',
    category: 'UTILITY',
    params: ['tripCode', 'incidentRef', 'description', 'reportedBy'],
    body: {
      en: 'Incident {{2}} on trip {{1}}: {{3}} (reported by {{4}}).',
      es: 'Incidente {{2}} en el viaje {{1}}: {{3}} (informado por {{4}}).',
    },
  },
  incident_update: {
    name: 'incident_update',
    category: 'UTILITY',
    params: ['tripCode', 'incidentRef', 'update'],
    body: {
      en: 'Update on {{2}} (trip {{1}}): {{3}}',
      es: 'Novedad sobre {{2}} (viaje {{1}}): {{3}}',
    },
  },
  payment_link: {
    name: 'payment_link',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'amount', 'link'],
    body: {
      en: 'Hi {{1}}, your booking {{2}} is reserved. Pay {{3}} here: {{4}}',
      es: 'Hola {{1}}, tu reserva {{2}} está apartada. Paga {{3}} aquí: {{4}}',
    },
  },
  payment_reminder: {
    name: 'payment_reminder',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'amount', 'link'],
    body: {
      en: 'Hi {{1}}, a reminder that {{3}} is pending for booking {{2}}: {{4}}',
      es: 'Hola {{1}}, te recordamos que {{3}} está pendiente para la reserva {{2}}: {{4}}',
    },
  },
  booking_confirmed: {
    name: 'booking_confirmed',
    category: 'UTILITY',
    params: ['customerName', 'bookingRef', 'tripName', 'departureDate'],
    body: {
      en: 'Thank you {{1}}! Booking {{2}} for {{3}} on {{4}} is confirmed.',
      es: '¡Gracias {{1}}! La reserva {{2}} para {{3}} el {{4}} está confirmada.',
    },
  },
  quote_ready: {
    name: 'quote_ready',
    category: 'UTILITY',
    params: ['customerName', 'quoteRef', 'amount', 'description'],
    body: {
      en: 'Hi {{1}}, your quote {{2}} is ready: {{4}}, {{3}}. Reply to this message to go ahead.',
      es: 'Hola {{1}}, tu presupuesto {{2}} está listo: {{4}}, {{3}}. Responde a este mensaje para continuar.',
    },
  },
  trip_broadcast: {
    name: 'trip_broadcast',
    category: 'UTILITY',
    params: ['tripCode', 'message'],
    body: {
      en: 'Trip {{1}}: {{2}}',
      es: 'Viaje {{1}}: {{2}}',
    },
  },
} as const satisfies Record<string, DefaultTemplate>;

export type DefaultTemplateName = keyof typeof DEFAULT_TEMPLATES;

/** The filled body, for the free-form message sent while the window is open. */
export function renderTemplate(name: DefaultTemplateName, language: string, params: string[]): string {
  const bodies = DEFAULT_TEMPLATES[name].body;
  const body = language.startsWith('es') ? bodies.es : bodies.en;
  return body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => params[Number(n) - 1] ?? '');
}
