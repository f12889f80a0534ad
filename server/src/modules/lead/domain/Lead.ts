import { BusinessRuleError } from '../../../shared/errors/AppError';

export const LEAD_STATUSES = ['new', 'contacted', 'quoted', 'converted', 'lost'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** The statuses covered by the one-open-lead-per-customer index. */
export const OPEN_LEAD_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'quoted'];

export const isLeadStatus = (value: string): value is LeadStatus =>
  (LEAD_STATUSES as readonly string[]).includes(value);

// Forward only. Skipping a step is allowed: a rep may quote or convert a lead never marked contacted.
const NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  new: ['contacted', 'quoted', 'converted', 'lost'],
  contacted: ['quoted', 'converted', 'lost'],
  quoted: ['converted', 'lost'],
  converted: [],
  lost: [],
};

export interface LeadProps {
  id: string;
  tenantId: string;
  ref: string;
  customerPhone: string;
  customerName?: string;
  status: LeadStatus;
  summary?: string;
  partySize?: number;
  travelMonth?: string;
  assignedTo?: string;
  conversationId?: string;
  createdAt: Date;
}

/** LD-<n>: an enquiry worked by a sales rep until it is converted to a booking or lost. */
export class Lead {
  declare readonly id: string;
  declare readonly tenantId: string;
  declare readonly ref: string;
  declare readonly customerPhone: string;
  declare readonly customerName?: string;
  declare readonly summary?: string;
  declare readonly partySize?: number;
  declare readonly travelMonth?: string;
  declare readonly conversationId?: string;
  declare readonly createdAt: Date;
  #status: LeadStatus;
  #assignedTo?: string;

  constructor({ status, assignedTo, ...fixed }: LeadProps) {
    Object.assign(this, fixed);
    this.#status = status;
    this.#assignedTo = assignedTo;
  }

  get status(): LeadStatus {
    return this.#status;
  }

  get assignedTo(): string | undefined {
    return this.#assignedTo;
  }

  get isOpen(): boolean {
    return OPEN_LEAD_STATUSES.includes(this.#status);
  }

  /** Moves the lead on; false when it already is there. Refuses going back or leaving a closed lead. */
  moveTo(target: LeadStatus): boolean {
    if (target === this.#status && this.isOpen) return false;
    if (!NEXT[this.#status].includes(target))
      throw new BusinessRuleError(
        this.isOpen ? 'LEAD_TRANSITION_INVALID' : 'LEAD_CLOSED',
        `Lead ${this.ref} cannot go from ${this.#status} to ${target}`,
        { ref: this.ref, from: this.#status, to: target },
      );
    this.#status = target;
    return true;
  }

  assignTo(userId: string): boolean {
    this.assertOpen();
    if (this.#assignedTo === userId) return false;
    this.#assignedTo = userId;
    return true;
  }

  assertOpen(): void {
    if (!this.isOpen)
      throw new BusinessRuleError('LEAD_CLOSED', `Lead ${this.ref} is ${this.#status}`, { ref: this.ref });
  }

  toJSON(): LeadProps {
    return { ...(this as unknown as LeadProps), status: this.#status, assignedTo: this.#assignedTo };
  }
}
