import type { Tone } from '../../../components/ui/Badge';
import type { IncidentStatus } from '../api/incidents';

export const INCIDENT_TONES: Record<IncidentStatus, Tone> = {
  open: 'bad',
  acknowledged: 'warn',
  resolved: 'good',
};
