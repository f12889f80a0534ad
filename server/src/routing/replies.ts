import type { Principal } from '../modules/identity/domain/PermissionPolicy';

export interface BookingLine {
  ref: string;
  status: string;
  tripName?: string;
  departureDate?: string;
  paymentState: string;
}

export interface TripSummary {
  code: string;
  name: string;
  departureDate: string;
  assignedStaff: Array<{ name: string }>;
  openIncidents: Array<{ ref: string; description: string }>;
  lastCheckIn?: { by: string; at: Date; note?: string };
}

const COMMANDS: Record<Exclude<Principal, 'customer'>, string[]> = {
  field_staff: [
    'CHECKIN TRP123 [note]',
    'ISSUE TRP123 <what happened>',
    'RESOLVED TRP123 | INC-7 [note]',
    'STATUS TRP123',
    'a photo with the trip code in the caption',
  ],
  operations: [
    'CHECKIN TRP123 [note]',
    'ISSUE TRP123 <what happened>',
    'RESOLVED TRP123 | INC-7 [note]',
    'STATUS TRP123',
    'BROADCAST TRP123 <message>',
  ],
  manager: [
    'CHECKIN TRP123 [note]',
    'ISSUE TRP123 <what happened>',
    'RESOLVED TRP123 | INC-7 [note]',
    'STATUS TRP123',
    'BROADCAST TRP123 <message>',
    'APPROVE Q-12',
  ],
  sales: [],
};

const en = {
  leadCreated: (ref: string) =>
    `Thanks for your message! Your enquiry is ${ref}; one of our team will get back to you shortly.`,
  optedOut: 'You will not receive more messages from us. Reply START to subscribe again.',
  optedIn: 'Welcome back! You will receive our messages again. Reply STOP to unsubscribe.',
  noBooking:
    'We could not find a booking for this number. If you booked with another number, tell us its reference (BK-…).',
  bookings: (lines: BookingLine[]) =>
    [
      'Your bookings:',
      ...lines.map(
        (b) =>
          `• ${b.ref}${b.tripName ? ` — ${b.tripName}` : ''}${b.departureDate ? ` (${b.departureDate})` : ''}: ${b.status.replace('_', ' ')}, ${b.paymentState.replace('_', ' ')}`,
      ),
    ].join('\n'),
  repWillSend: 'Your sales rep will send you the payment details shortly.',
  customerStaffCommand: 'Sorry, that command is only for our staff. How can we help you?',
  refused: 'Sorry, you are not allowed to do that.',
  notAssigned: (trip: string) => `Sorry, you are not assigned to trip ${trip}.`,
  unknownTrip: (code: string) => `I don't know trip ${code}. Check the code and try again.`,
  unknownQuote: (ref: string) => `I can't find quote ${ref}.`,
  unknownIncident: (ref: string) => `I can't find incident ${ref}.`,
  checkedIn: (trip: string) => `Checked in on ${trip}.`,
  incidentReported: (ref: string, trip: string) =>
    `Incident ${ref} recorded on ${trip}; operations have been alerted.`,
  resolved: (refs: string[]) => `Resolved: ${refs.join(', ')}.`,
  tripStatus: (t: TripSummary) =>
    [
      `${t.code} — ${t.name}, departs ${t.departureDate}`,
      `Staff: ${t.assignedStaff.map((s) => s.name).join(', ') || 'nobody assigned'}`,
      `Open incidents: ${t.openIncidents.map((i) => `${i.ref} ${i.description}`).join('; ') || 'none'}`,
      `Last check-in: ${t.lastCheckIn ? `${t.lastCheckIn.by} at ${t.lastCheckIn.at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'none yet'}`,
    ].join('\n'),
  broadcastQueued: (queued: number, skipped: number) =>
    `Broadcast queued for ${queued} customer${queued === 1 ? '' : 's'}${skipped ? ` (${skipped} opted out, skipped)` : ''}.`,
  quoteApproved: (ref: string) => `Quote ${ref} approved and sent to the customer.`,
  mediaFiled: (trip: string) => `Thanks, filed on ${trip}.`,
  mediaNeedsTrip: 'Please add the trip code to the caption (for example TRP123) so I can file it.',
  malformed: (problem: string) => `I didn't get that: ${problem}. Send HELP for the commands.`,
  businessRule: (detail: string) => `That didn't work: ${detail}`,
  help: (role: Principal) =>
    role === 'customer' || COMMANDS[role].length === 0
      ? 'Write us your question and we will answer. STATUS shows your bookings, PAY sends your payment link, STOP unsubscribes.'
      : ['Commands you can use:', ...COMMANDS[role].map((c) => `• ${c}`), 'HELP shows this list.'].join('\n'),
};

const es: typeof en = {
  ...en,
  leadCreated: (ref) =>
    `¡Gracias por tu mensaje! Tu consulta es ${ref}; alguien de nuestro equipo te responderá en breve.`,
  optedOut: 'No recibirás más mensajes nuestros. Responde ALTA para volver a suscribirte.',
  optedIn: '¡Bienvenido de nuevo! Volverás a recibir nuestros mensajes. Responde BAJA para darte de baja.',
  noBooking:
    'No encontramos una reserva para este número. Si reservaste con otro número, indícanos la referencia (BK-…).',
  bookings: (lines) =>
    [
      'Tus reservas:',
      ...lines.map(
        (b) =>
          `• ${b.ref}${b.tripName ? ` — ${b.tripName}` : ''}${b.departureDate ? ` (${b.departureDate})` : ''}: ${b.status.replace('_', ' ')}, ${b.paymentState.replace('_', ' ')}`,
      ),
    ].join('\n'),
  repWillSend: 'Tu asesor de ventas te enviará los datos de pago en breve.',
  customerStaffCommand: 'Lo siento, ese comando es solo para nuestro equipo. ¿En qué podemos ayudarte?',
  refused: 'Lo siento, no tienes permiso para hacer eso.',
  notAssigned: (trip) => `Lo siento, no estás asignado al viaje ${trip}.`,
  unknownTrip: (code) => `No conozco el viaje ${code}. Revisa el código e inténtalo de nuevo.`,
  checkedIn: (trip) => `Check-in registrado en ${trip}.`,
  incidentReported: (ref, trip) => `Incidente ${ref} registrado en ${trip}; operaciones fue avisado.`,
  resolved: (refs) => `Resuelto: ${refs.join(', ')}.`,
  mediaFiled: (trip) => `Gracias, archivado en ${trip}.`,
  mediaNeedsTrip: 'Agrega el código del viaje en el texto (por ejemplo TRP123) para poder archivarlo.',
  malformed: (problem) => `No entendí: ${problem}. Envía AYUDA para ver los comandos.`,
  help: (role) =>
    role === 'customer' || COMMANDS[role].length === 0
      ? 'Escríbenos tu consulta y te responderemos. ESTADO muestra tus reservas, PAGAR envía tu link de pago, BAJA te da de baja.'
      : ['Comandos disponibles:', ...COMMANDS[role].map((c) => `• ${c}`), 'AYUDA muestra esta lista.'].join(
          '\n',
        ),
};

// Customers' lines in Portuguese (SPEC §19); staff commands stay in the tenant's language.
const pt: typeof en = {
  ...en,
  leadCreated: (ref) =>
    `Obrigado pela sua mensagem! Sua consulta é ${ref}; alguém da nossa equipe vai responder em breve.`,
  optedOut: 'Você não receberá mais mensagens nossas. Responda START para voltar a receber.',
  optedIn: 'Bem-vindo de volta! Você voltará a receber nossas mensagens. Responda STOP para cancelar.',
  noBooking:
    'Não encontramos uma reserva para este número. Se reservou com outro número, informe a referência (BK-…).',
  bookings: (lines) =>
    [
      'Suas reservas:',
      ...lines.map(
        (b) =>
          `• ${b.ref}${b.tripName ? ` — ${b.tripName}` : ''}${b.departureDate ? ` (${b.departureDate})` : ''}: ${b.status.replace('_', ' ')}, ${b.paymentState.replace('_', ' ')}`,
      ),
    ].join('\n'),
  repWillSend: 'Seu consultor de vendas enviará os dados de pagamento em breve.',
  customerStaffCommand: 'Desculpe, esse comando é só para a nossa equipe. Como podemos ajudar?',
  help: (role) =>
    role === 'customer'
      ? 'Escreva sua pergunta e responderemos. STATUS mostra suas reservas, PAY envia o link de pagamento, STOP cancela.'
      : en.help(role),
};

export type Replies = typeof en;

const BY_LANGUAGE: Record<string, Replies> = { en, es, pt };

export const repliesFor = (language: string): Replies => BY_LANGUAGE[language.slice(0, 2)] ?? en;
