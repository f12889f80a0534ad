import type { IncidentUpdate } from './IncidentUpdate';

const LABELS = {
  en: { acknowledged: 'Acknowledged', resolved: 'Resolved' },
  es: { acknowledged: 'Recibido', resolved: 'Resuelto' },
  pt: { acknowledged: 'Recebido', resolved: 'Resolvido' },
} as const;

/**
 * The words of an update as the reporter and operations read it (the `update` parameter of the
 * incident_update template): a progress note as written, a status change named in the tenant's
 * language, with its note.
 */
export function incidentUpdateText(kind: IncidentUpdate['kind'], note: string | undefined, language: string) {
  if (kind === 'note') return note ?? '';
  const base = language.slice(0, 2).toLowerCase();
  const label = LABELS[base === 'es' || base === 'pt' ? base : 'en'][kind];
  return note ? `${label}: ${note}` : label;
}
