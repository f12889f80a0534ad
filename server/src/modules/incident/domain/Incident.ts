import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';

/** SPEC §22: `open → acknowledged → resolved` (an open incident may also be resolved at once). */
export type IncidentStatus = 'open' | 'acknowledged' | 'resolved';

/** Statuses of an incident someone still has to deal with. */
export const UNRESOLVED: readonly IncidentStatus[] = ['open', 'acknowledged'];

export interface NewIncident {
  tenantId: string;
  ref: string;
  tripId: string;
  reporterId?: string;
  description: string;
  reportedAt: Date;
}

type IncidentProps = NewIncident & {
  id: string;
  status: IncidentStatus;
  acknowledgedBy?: string;
  acknowledgedAt?: Date;
  resolutionNote?: string;
  resolvedBy?: string;
  resolvedAt?: Date;
};

/** `INC-<n>` on a trip: open, acknowledged by operations, resolved once. */
export class Incident {
  readonly id!: string;
  readonly tenantId!: string;
  readonly ref!: string;
  readonly tripId!: string;
  readonly reporterId?: string;
  readonly description!: string;
  readonly reportedAt!: Date;
  status!: IncidentStatus;
  acknowledgedBy?: string;
  acknowledgedAt?: Date;
  resolutionNote?: string;
  resolvedBy?: string;
  resolvedAt?: Date;

  constructor(props: IncidentProps) {
    Object.assign(this, props);
  }

  /** A new incident's fields, checked; it gets its ref once it is certain to be stored. */
  static report(input: Omit<NewIncident, 'ref'>): Omit<NewIncident, 'ref'> {
    const description = input.description.trim();
    if (!description)
      throw new ValidationError('Describe the incident', [
        { field: 'description', message: 'must not be empty' },
      ]);
    return { ...input, description };
  }

  /** Progress notes and acknowledgements are for incidents still being dealt with. */
  assertUnresolved(): void {
    if (this.status === 'resolved')
      throw new BusinessRuleError('INCIDENT_ALREADY_RESOLVED', `${this.ref} is already resolved`, {
        ref: this.ref,
      });
  }

  acknowledge(by: string | undefined, at: Date): void {
    this.assertUnresolved();
    if (this.status === 'acknowledged')
      throw new BusinessRuleError('INCIDENT_ALREADY_ACKNOWLEDGED', `${this.ref} is already acknowledged`, {
        ref: this.ref,
      });
    this.status = 'acknowledged';
    this.acknowledgedBy = by;
    this.acknowledgedAt = at;
  }

  resolve(note: string | undefined, by: string | undefined, at: Date): void {
    this.assertUnresolved();
    this.status = 'resolved';
    this.resolutionNote = note?.trim() || undefined;
    this.resolvedBy = by;
    this.resolvedAt = at;
  }
}
