import { wordingOf } from '../../../shared/wording';
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
  const label = LABELS[wordingOf(language)][kind];
  return note ? `${label}: ${note}` : label;
}
