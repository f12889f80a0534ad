import { BusinessRuleError } from '../../../shared/errors/AppError';
import { toCents } from './Money';

export type QuoteStatus = 'pending_approval' | 'sent';

export interface QuoteProps {
  id: string;
  tenantId: string;
  ref: string;
  leadId: string;
  amount: string;
  currency: string;
  description: string;
  status: QuoteStatus;
  createdBy?: string;
  approvedBy?: string;
  approvedAt?: Date;
  sentAt?: Date;
  createdAt: Date;
}

/** Q-<n>: a price for a lead, sent to the customer at once or after a manager's approval. */
export class Quote {
  declare readonly id: string;
  declare readonly tenantId: string;
  declare readonly ref: string;
  declare readonly leadId: string;
  declare readonly amount: string;
  declare readonly currency: string;
  declare readonly description: string;
  declare readonly createdBy?: string;
  declare readonly createdAt: Date;
  #status: QuoteStatus;
  #approvedBy?: string;
  #approvedAt?: Date;
  #sentAt?: Date;

  constructor({ status, approvedBy, approvedAt, sentAt, ...fixed }: QuoteProps) {
    Object.assign(this, fixed);
    this.#status = status;
    this.#approvedBy = approvedBy;
    this.#approvedAt = approvedAt;
    this.#sentAt = sentAt;
  }

  /** Over the tenant's threshold (none by default) a manager must approve before the customer sees it. */
  static initialStatus(amount: string, approvalThreshold?: string): QuoteStatus {
    return approvalThreshold !== undefined && toCents(amount) > toCents(approvalThreshold)
      ? 'pending_approval'
      : 'sent';
  }

  get status(): QuoteStatus {
    return this.#status;
  }
  get approvedBy(): string | undefined {
    return this.#approvedBy;
  }
  get approvedAt(): Date | undefined {
    return this.#approvedAt;
  }
  get sentAt(): Date | undefined {
    return this.#sentAt;
  }

  approve(by: string | undefined, at: Date): void {
    if (this.#status !== 'pending_approval')
      throw new BusinessRuleError('QUOTE_NOT_PENDING', `Quote ${this.ref} is not waiting for approval`, {
        ref: this.ref,
        status: this.#status,
      });
    this.#status = 'sent';
    this.#approvedBy = by;
    this.#approvedAt = at;
    this.#sentAt = at;
  }

  toJSON(): QuoteProps {
    const { status, approvedBy, approvedAt, sentAt } = this;
    return { ...(this as unknown as QuoteProps), status, approvedBy, approvedAt, sentAt };
  }
}
