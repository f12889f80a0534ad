import type { UserRepository } from '../../identity/domain/UserRepository';
import type { LeadRepository } from '../../lead/domain/LeadRepository';
import type { SalesRepSelector } from '../../lead/domain/SalesRepSelector';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';

export interface CustomerRepDeps {
  leads: LeadRepository;
  users: UserRepository;
  salesStaff: SalesRepSelector;
  outbound: OutboundQueue;
}

/**
 * Tells the customer's sales rep: the rep of `leadId` when given (a booking's lead), else of the
 * customer's latest lead, else every active sales user. Returns how many were told.
 */
export async function alertCustomerRep(
  deps: CustomerRepDeps,
  alert: { tenantId: string; phone: string; leadId?: string; text: string },
): Promise<number> {
  const { tenantId, phone } = alert;
  const lead = alert.leadId
    ? await deps.leads.findById(tenantId, alert.leadId)
    : await deps.leads.findLatestByCustomer(tenantId, phone);
  const rep = lead?.assignedTo ? await deps.users.findById(tenantId, lead.assignedTo) : undefined;
  const recipients = rep?.active ? [rep] : await deps.salesStaff.activeStaff(tenantId, ['sales']);
  for (const recipient of recipients)
    await deps.outbound.enqueue({
      tenantId,
      to: recipient.phone,
      purpose: 'notification',
      priority: 'high',
      text: alert.text,
    });
  return recipients.length;
}
