import type { NewEvent } from '../../events/domain/DomainEvent';
import type { LeadProps } from './Lead';

/** `lead.created` / `lead.updated` (SPEC §18): enough to update a list row without a fetch. */
export const leadEvent = (type: 'lead.created' | 'lead.updated', lead: LeadProps): NewEvent => ({
  tenantId: lead.tenantId,
  type,
  data: {
    leadId: lead.id,
    ref: lead.ref,
    status: lead.status,
    customerPhone: lead.customerPhone,
    customerName: lead.customerName ?? null,
    assignedTo: lead.assignedTo ?? null,
    conversationId: lead.conversationId ?? null,
  },
});
