import { inject, injectable } from 'inversify';
import { ConflictError, ValidationError } from '../../../shared/errors/AppError';
import type { RefAllocator } from '../../../shared/refs/RefAllocator';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { ConversationRepository } from '../../conversation/domain/Conversation';
import type { EventLog } from '../../events/domain/EventLog';
import { leadEvent } from '../domain/leadEvents';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel } from '../../identity/domain/Actor';
import type { OutboundQueue, OutboundRequest } from '../../message/domain/OutboundRequest';
import type { NewTimelineEntry, TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { groupBy } from '../../../shared/batch/groupBy';
import { inRounds } from '../../../shared/batch/inRounds';
import { assignRoundRobin } from '../domain/assignRoundRobin';
import type { Lead } from '../domain/Lead';
import type { LeadRepository } from '../domain/LeadRepository';
import type { SalesRepSelector, StaffContact } from '../domain/SalesRepSelector';
import type { UsageLimits } from '../../usage/application/UsageLimits';

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
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.UsageLimits) private readonly usage: UsageLimits,
  ) {}

  async execute(input: CreateLeadFromEnquiryInput): Promise<CreateLeadFromEnquiryOutput> {
    const [output] = await this.executeAll([input]);
    return output;
  }

  /**
   * Several enquiries in one unit of work, set-based (a few statements for all of them); the
   * outputs are in the inputs' order. A customer's second enquiry in the batch finds the lead their
   * first one opened.
   */
  async executeAll(inputs: CreateLeadFromEnquiryInput[]): Promise<CreateLeadFromEnquiryOutput[]> {
    inputs.forEach(validate);
    const outputs = new Map<CreateLeadFromEnquiryInput, CreateLeadFromEnquiryOutput>();
    await this.unitOfWork.run(async () => {
      for (const round of inRounds(inputs, (i) => `${i.tenantId} ${i.customerPhone}`))
        for (const [tenantId, batch] of groupBy(round, (i) => i.tenantId))
          for (const [input, output] of await this.createForTenant(tenantId, batch))
            outputs.set(input, output);
    });
    return inputs.map((input) => outputs.get(input)!);
  }

  /** One tenant's enquiries, one per customer. */
  private async createForTenant(
    tenantId: string,
    inputs: CreateLeadFromEnquiryInput[],
  ): Promise<Map<CreateLeadFromEnquiryInput, CreateLeadFromEnquiryOutput>> {
    const outputs = new Map<CreateLeadFromEnquiryInput, CreateLeadFromEnquiryOutput>();
    const open = await this.leads.findOpenByCustomers(
      tenantId,
      inputs.map((i) => i.customerPhone),
    );
    const fresh = inputs.filter((i) => !open.has(i.customerPhone));
    for (const input of inputs) {
      const lead = open.get(input.customerPhone);
      if (lead) outputs.set(input, { lead, created: false });
    }
    if (!fresh.length) return outputs;

    const reps = assignRoundRobin(await this.reps.loads(tenantId), fresh.length);
    const refs = await this.refs.nextMany(tenantId, 'LD', fresh.length);
    const created = await this.leads.createUnlessOpen(
      tenantId,
      fresh.map(({ source: _source, text, tenantId: _tenant, ...details }, i) => ({
        ...details,
        ref: refs[i],
        summary: text,
        assignedTo: reps[i]?.id,
      })),
    );
    const lost = fresh.filter((i) => !created.has(i.customerPhone));
    const winners = await this.leads.findOpenByCustomers(
      tenantId,
      lost.map((i) => i.customerPhone),
    );
    for (const input of lost) {
      const winner = winners.get(input.customerPhone);
      if (!winner)
        throw new ConflictError('LEAD_RACE', 'The open lead of this customer changed meanwhile; retry');
      outputs.set(input, { lead: winner, created: false });
    }

    const made = fresh.flatMap((input, i) => {
      const lead = created.get(input.customerPhone);
      return lead ? [{ input, lead, rep: reps[i] as StaffContact | undefined }] : [];
    });
    await this.timeline.addAll(made.map(({ input, lead }) => leadCreatedEntry(input, lead)));
    await this.outbound.enqueueAll(
      made.flatMap(({ input, lead, rep }) => (rep ? [repAlert(input, lead, rep)] : [])),
    );
    await this.audit.recordAll(
      made.map(({ input, lead }) => ({
        tenantId,
        actor: customerActor(input),
        action: 'LEAD_CREATED',
        entityType: 'lead',
        entityId: lead.id,
      })),
    );
    await this.events.append(made.map(({ lead }) => leadEvent('lead.created', lead)));
    await this.assignConversations(
      tenantId,
      made.map(({ lead }) => lead),
    );
    for (const { input, lead } of made) outputs.set(input, { lead, created: true });
    return outputs;
  }

  /** SPEC §19: the lead's rep becomes the assignee of its conversation (unless someone has it). */
  private async assignConversations(tenantId: string, leads: Lead[]): Promise<void> {
    const wanted = leads.flatMap((l) =>
      l.conversationId && l.assignedTo ? [{ id: l.conversationId, assignedTo: l.assignedTo }] : [],
    );
    const assigned = await this.conversations.assignUnassigned(
      tenantId,
      await this.usage.oneResponder(tenantId, wanted),
    );
    const byConversation = new Map(leads.map((l) => [l.conversationId, l]));
    await this.events.append(
      assigned.map((id) => ({
        tenantId,
        type: 'conversation.updated' as const,
        data: {
          conversationId: id,
          assignedTo: byConversation.get(id)?.assignedTo ?? null,
          changed: ['assignedTo'],
        },
      })),
    );
  }
}

function customerActor(input: CreateLeadFromEnquiryInput): string {
  return actorLabel({
    tenantId: input.tenantId,
    role: 'customer',
    phone: input.customerPhone,
    source: input.source,
  });
}

function leadCreatedEntry(input: CreateLeadFromEnquiryInput, lead: Lead): NewTimelineEntry {
  return {
    tenantId: input.tenantId,
    entityType: 'lead',
    entityId: lead.id,
    eventType: 'SYSTEM',
    source: input.source,
    actor: customerActor(input),
    content: {
      action: 'LEAD_CREATED',
      text: input.text,
      partySize: input.partySize,
      travelMonth: input.travelMonth,
    },
  };
}

function repAlert(input: CreateLeadFromEnquiryInput, lead: Lead, rep: StaffContact): OutboundRequest {
  const from = input.customerName ? `${input.customerName} (${input.customerPhone})` : input.customerPhone;
  const body = `New lead ${lead.ref} from ${from}: ${input.text.slice(0, 500)}`;
  return { tenantId: input.tenantId, to: rep.phone, purpose: 'notification', priority: 'high', text: body };
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
