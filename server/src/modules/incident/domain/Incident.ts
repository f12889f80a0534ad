import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';

export type IncidentStatus = 'open' | 'resolved';

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
  resolutionNote?: string;
  resolvedBy?: string;
  resolvedAt?: Date;
};

/** `INC-<n>` on a trip: open until resolved, once. */
export class Incident {
  readonly id!: string;
  readonly tenantId!: string;
  readonly ref!: string;
  readonly tripId!: string;
  readonly reporterId?: string;
  readonly description!: string;
  readonly reportedAt!: Date;
  status!: IncidentStatus;
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

  resolve(note: string | undefined, by: string | undefined, at: Date): void {
    if (this.status === 'resolved')
      throw new BusinessRuleError('INCIDENT_ALREADY_RESOLVED', `${this.ref} is already resolved`, {
        ref: this.ref,
      });
    this.status = 'resolved';
    this.resolutionNote = note?.trim() || undefined;
    this.resolvedBy = by;
    this.resolvedAt = at;
  }
}
