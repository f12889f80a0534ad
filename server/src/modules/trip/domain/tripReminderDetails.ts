import { wordingOf } from '../../../shared/wording';
import type { Traveller } from './Traveller';

/** The `details` of a customer's trip_reminder: their bookings and party size. */
export function customerDetails(bookings: Traveller[], language: string): string {
  const refs = bookings.map((b) => b.bookingRef).join(', ');
  const people = bookings.reduce((sum, b) => sum + b.partySize, 0);
  const one = people === 1;
  return {
    en: `booking ${refs} for ${people} ${one ? 'person' : 'people'}`,
    es: `reserva ${refs} para ${people} ${one ? 'persona' : 'personas'}`,
    pt: `reserva ${refs} para ${people} ${one ? 'pessoa' : 'pessoas'}`,
  }[wordingOf(language)];
}

/** The `details` of the staff's trip_reminder: who travels and what is still open. */
export function staffDetails(travellers: Traveller[], openIncidents: string[], language: string): string {
  const confirmed = travellers.filter((t) => t.status === 'confirmed');
  const pending = travellers.length - confirmed.length;
  const people = confirmed.reduce((sum, b) => sum + b.partySize, 0);
  const incidents = openIncidents.join(', ');
  const n = confirmed.length;
  return {
    en: `${people} travellers on ${n} confirmed ${n === 1 ? 'booking' : 'bookings'}${pending ? ` (${pending} more pending payment)` : ''}; open incidents: ${incidents || 'none'}`,
    es: `${people} pasajeros en ${n} ${n === 1 ? 'reserva confirmada' : 'reservas confirmadas'}${pending ? ` (${pending} más pendientes de pago)` : ''}; incidentes abiertos: ${incidents || 'ninguno'}`,
    pt: `${people} viajantes em ${n} ${n === 1 ? 'reserva confirmada' : 'reservas confirmadas'}${pending ? ` (${pending} mais com pagamento pendente)` : ''}; incidentes abertos: ${incidents || 'nenhum'}`,
  }[wordingOf(language)];
}
