import { inject, injectable } from 'inversify';
import { ConflictError, ValidationError } from '../../../shared/errors/AppError';
import type { RefAllocator } from '../../../shared/refs/RefAllocator';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel } from '../../identity/domain/Actor';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Lead } from '../domain/Lead';
import type { LeadRepository } from '../domain/LeadRepository';
import type { SalesRepSelector } from '../domain/SalesRepSelector';

export interface CreateLeadFromEnquiryInput {
  tenantId: string;
  customerPhone: string;
  customerName?: string;
  text: string;
  partySize?: number;
  travelMonth?: string;
  conversationId?: string;
  source: 'WHATSAPP' | 'WEB';
}

export interface CreateLeadFromEnquiryOutput {
  lead: Lead;
  /** False when the customer already had an open lead (that one is returned). */
  created: boolean;
}

/** SPEC §6: a customer's first enquiry opens a lead assigned to a sales rep; one open lead per customer. */
@injectable()
export class CreateLeadFromEnquiry {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.SalesRepSelector) private readonly reps: SalesRepSelector,
    @inject(TYPES.RefAllocator) private readonly refs: RefAllocator,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: CreateLeadFromEnquiryInput): Promise<CreateLeadFromEnquiryOutput> {
    validate(input);
    const { source, text, ...details } = input;
    const { tenantId, customerPhone } = details;
    const actor = actorLabel({ tenantId, role: 'customer', phone: customerPhone, source });
    return this.unitOfWork.run(async () => {
      const open = await this.leads.findOpenByCustomer(tenantId, customerPhone);
      if (open) return { lead: open, created: false };
      const rep = await this.reps.select(tenantId);
      const ref = await this.refs.next(tenantId, 'LD');
      const lead = await this.leads.createUnlessOpen({ ...details, ref, summary: text, assignedTo: rep?.id });
      if (!lead) return { lead: await this.winnerOfRace(tenantId, customerPhone), created: false };
      await this.timeline.add({
        tenantId,
        entityType: 'lead',
        entityId: lead.id,
        eventType: 'SYSTEM',
        source,
        actor,
        content: { action: 'LEAD_CREATED', text, partySize: input.partySize, travelMonth: input.travelMonth },
      });
      if (rep) {
        const from = input.customerName ? `${input.customerName} (${customerPhone})` : customerPhone;
        const body = `New lead ${lead.ref} from ${from}: ${text.slice(0, 500)}`;
        await this.outbound.enqueue({ tenantId, to: rep.phone, purpose: 'notification', text: body });
      }
      await this.audit.record({
        tenantId,
        actor,
        action: 'LEAD_CREATED',
        entityType: 'lead',
        entityId: lead.id,
      });
      return { lead, created: true };
    });
  }

  private async winnerOfRace(tenantId: string, customerPhone: string): Promise<Lead> {
    const winner = await this.leads.findOpenByCustomer(tenantId, customerPhone);
    if (!winner)
      throw new ConflictError('LEAD_RACE', 'The open lead of this customer changed meanwhile; retry');
    return winner;
  }
}

function validate(input: CreateLeadFromEnquiryInput): void {
  const { partySize, travelMonth } = input;
  if (partySize !== undefined && !(Number.isInteger(partySize) && partySize > 0 && partySize <= 1000))
    throw new ValidationError('partySize must be a whole number from 1 to 1000', [
      { field: 'partySize', message: 'out of range' },
    ]);
  if (travelMonth !== undefined && travelMonth.length > 16)
    throw new ValidationError('travelMonth is too long', [
      { field: 'travelMonth', message: 'at most 16 characters' },
    ]);
}
