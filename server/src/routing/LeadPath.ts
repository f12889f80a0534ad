import { inject, injectable } from 'inversify';
import { alertCustomerRep } from '../modules/booking/application/alertCustomerRep';
import type { ConversationRepository } from '../modules/conversation/domain/Conversation';
import type { UserRepository } from '../modules/identity/domain/UserRepository';
import type { AppendToLead } from '../modules/lead/application/AppendToLead';
import type { CreateLeadFromEnquiry } from '../modules/lead/application/CreateLeadFromEnquiry';
import type { LeadRepository } from '../modules/lead/domain/LeadRepository';
import type { SalesRepSelector } from '../modules/lead/domain/SalesRepSelector';
import type { OutboundQueue } from '../modules/message/domain/OutboundRequest';
import { TYPES } from '../types';
import { extractLeadDetails } from './parse/extractLeadDetails';
import type { Replies } from './replies';

export interface Enquiry {
  tenantId: string;
  messageId: string;
  customerPhone: string;
  customerName?: string;
  text: string;
  conversationId: string;
  replies: Replies;
  /** Answer a new lead with its ref (SPEC §6); false when another step answered the message. */
  confirm: boolean;
  /** Why a person is wanted (SPEC §23 handoff): the rep is alerted even when the lead existed. */
  handoff?: string;
}

/**
 * SPEC §6's enquiry path, set-based: a customer's first message opens a lead bound to the
 * conversation (the rep alerted by the lead), later ones go to the open lead's timeline. Returns
 * the answer of each enquiry: the new lead's ref, or for a handoff to an existing lead "a person
 * will answer", or nothing.
 */
@injectable()
export class LeadPath {
  constructor(
    @inject(TYPES.CreateLeadFromEnquiry) private readonly createLead: CreateLeadFromEnquiry,
    @inject(TYPES.AppendToLead) private readonly appendToLead: AppendToLead,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.SalesRepSelector) private readonly salesStaff: SalesRepSelector,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  async run(enquiries: Enquiry[]): Promise<Array<string | undefined>> {
    if (!enquiries.length) return [];
    const results = await this.createLead.executeAll(
      enquiries.map((e) => ({
        tenantId: e.tenantId,
        customerPhone: e.customerPhone,
        customerName: e.customerName,
        text: e.text,
        ...extractLeadDetails(e.text),
        conversationId: e.conversationId,
        source: 'WHATSAPP' as const,
      })),
    );
    await this.appendToLead.executeAll(
      enquiries.flatMap((e, i) =>
        results[i].created
          ? []
          : [
              {
                tenantId: e.tenantId,
                lead: results[i].lead,
                messageId: e.messageId,
                text: e.text,
                source: 'WHATSAPP' as const,
              },
            ],
      ),
    );
    const { tenantId } = enquiries[0];
    await this.conversations.bind(
      tenantId,
      enquiries.flatMap((e, i) => {
        const { lead, created } = results[i];
        return created
          ? [{ id: e.conversationId, state: 'lead', context: { leadId: lead.id, leadRef: lead.ref } }]
          : [];
      }),
    );
    const answers: Array<string | undefined> = [];
    for (const [i, e] of enquiries.entries()) {
      const { lead, created } = results[i];
      if (e.handoff && !created) await this.alertRep(e, lead.id, lead.ref);
      if (created) answers.push(e.confirm ? e.replies.leadCreated(lead.ref) : undefined);
      else answers.push(e.handoff && e.confirm ? e.replies.handedOff : undefined);
    }
    return answers;
  }

  /** A new lead alerts its rep itself; an existing one's rep is told here. */
  private async alertRep(e: Enquiry, leadId: string, leadRef: string): Promise<void> {
    const who = e.customerName ? `${e.customerName} (${e.customerPhone})` : e.customerPhone;
    await alertCustomerRep(
      { leads: this.leads, users: this.users, salesStaff: this.salesStaff, outbound: this.outbound },
      {
        tenantId: e.tenantId,
        phone: e.customerPhone,
        leadId,
        text: `${leadRef}: ${who} needs a person (${e.handoff?.replace(/_/g, ' ')}): ${e.text.slice(0, 500)}`,
      },
    );
  }
}
