import { utcMinute } from './replyFacts';
import { bookingLines, englishReplies, type Replies } from './englishReplies';
import { STAFF_COMMANDS } from './staffCommandList';

const STATUS_ES = { open: 'abierto', acknowledged: 'recibido', resolved: 'resuelto', note: 'nota' } as const;

/** Spanish wording; staff command syntax stays as typed (the keywords have Spanish aliases). */
export const spanishReplies: Replies = {
  ...englishReplies,
  leadCreated: (ref) =>
    `¡Gracias por tu mensaje! Tu consulta es ${ref}; alguien de nuestro equipo te responderá en breve.`,
  optedOut: 'No recibirás más mensajes nuestros. Responde ALTA para volver a suscribirte.',
  optedIn: '¡Bienvenido de nuevo! Volverás a recibir nuestros mensajes. Responde BAJA para darte de baja.',
  noBooking:
    'No encontramos una reserva para este número. Si reservaste con otro número, indícanos la referencia (BK-…).',
  bookings: (lines) => bookingLines('Tus reservas:', lines),
  handedOff: 'Una persona de nuestro equipo te responderá en breve.',
  repWillSend: 'Tu asesor de ventas te enviará los datos de pago en breve.',
  cancellationRequested: (ref) =>
    `Pasamos tu pedido de cancelar ${ref} a tu asesor de ventas, que te contactará en breve. Nada cambia hasta que lo confirme.`,
  alreadyCancelled: (ref) => `La reserva ${ref} ya está cancelada.`,
  customerStaffCommand: 'Lo siento, ese comando es solo para nuestro equipo. ¿En qué podemos ayudarte?',
  refused: 'Lo siento, no tienes permiso para hacer eso.',
  notAssigned: (trip) => `Lo siento, no estás asignado al viaje ${trip}.`,
  unknownTrip: (code) => `No conozco el viaje ${code}. Revisa el código e inténtalo de nuevo.`,
  unknownIncident: (ref) => `No encuentro el incidente ${ref}.`,
  checkedIn: (trip) => `Check-in registrado en ${trip}.`,
  incidentReported: (ref, trip) => `Incidente ${ref} registrado en ${trip}; operaciones fue avisado.`,
  resolved: (refs) => `Resuelto: ${refs.join(', ')}.`,
  incidentUpdated: (ref, acknowledged, told) =>
    `Novedad sobre ${ref} registrada${acknowledged ? ' y el incidente marcado como recibido' : ''}${told ? '; se avisó a quien lo informó' : ''}.`,
  incidentStatus: (s) =>
    [
      `${s.ref} en ${s.tripCode}: ${STATUS_ES[s.status]}`,
      `Informado${s.reportedBy ? ` por ${s.reportedBy}` : ''} el ${utcMinute(s.reportedAt)}: ${s.description}`,
      ...(s.updates.length
        ? s.updates.map(
            (u) =>
              `• ${utcMinute(u.at)}${u.authorName ? ` ${u.authorName}` : ''}: ${u.kind === 'note' ? '' : `${STATUS_ES[u.kind]}${u.note ? ' — ' : ''}`}${u.note ?? ''}`,
          )
        : ['Sin novedades todavía.']),
    ].join('\n'),
  mediaFiled: (trip, count = 1) =>
    count > 1 ? `Gracias, ${count} archivos guardados en ${trip}.` : `Gracias, archivado en ${trip}.`,
  mediaWhichTrip: '¿De qué viaje es? Responde con el código del viaje (por ejemplo TRP123) y lo archivo.',
  malformed: (problem) => `No entendí: ${problem}. Envía AYUDA para ver los comandos.`,
  help: (role) =>
    role === 'customer' || STAFF_COMMANDS[role].length === 0
      ? 'Escríbenos tu consulta y te responderemos. ESTADO muestra tus reservas, PAGAR envía tu link de pago, CANCELAR BK-12 pide cancelar una reserva, BAJA te da de baja.'
      : [
          'Comandos disponibles:',
          ...STAFF_COMMANDS[role].map((c) => `• ${c}`),
          'AYUDA muestra esta lista.',
        ].join('\n'),
};
