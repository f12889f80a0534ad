import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { RefAllocator } from '../../../shared/refs/RefAllocator';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { leadEvent } from '../../lead/domain/leadEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { Lead } from '../../lead/domain/Lead';
import type { LeadRepository } from '../../lead/domain/LeadRepository';
import type { SalesRepSelector } from '../../lead/domain/SalesRepSelector';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { formatMoney, parseAmount, parseCurrency } from '../domain/Money';
import { Quote } from '../domain/Quote';
import type { QuoteRepository } from '../domain/QuoteRepository';
import { requiredText } from '../domain/requiredText';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

export interface CreateQuoteInput {
  actor: Actor;
  /** uuid or ref (`LD-4`) */
  leadId: string;
  amount: string | number;
  currency: string;
  description: string;
}

/** `POST /leads/:id/quotes`: sent to the customer, or held for a manager when over the tenant's threshold. */
@injectable()
export class CreateQuote {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.QuoteRepository) private readonly quotes: QuoteRepository,
    @inject(TYPES.SalesRepSelector) private readonly staff: SalesRepSelector,
    @inject(TYPES.RefAllocator) private readonly refs: RefAllocator,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: CreateQuoteInput): Promise<Quote> {
    const { actor } = input;
    assertAllowed(actor, 'create_quote');
    const [amount, currency] = [parseAmount(input.amount), parseCurrency(input.currency)];
    const description = requiredText(input.description, 'description', 1000);
    return this.unitOfWork.run(async () => {
      const lead = await this.leads.findById(actor.tenantId, input.leadId, { forUpdate: true });
      if (!lead) throw new NotFoundError('lead', input.leadId);
      lead.assertOpen();
      const tenant = await requireTenant(this.tenants, actor.tenantId);
      const status = Quote.initialStatus(amount, tenant.quoteApprovalThreshold);
      const quote = await this.quotes.create({
        tenantId: tenant.id,
        ref: await this.refs.next(tenant.id, 'Q'),
        leadId: lead.id,
        amount,
        currency,
        description,
        status,
        createdBy: actor.userId,
        sentAt: status === 'sent' ? this.clock.now() : undefined,
      });
      if (status === 'sent') {
        await this.outbound.enqueue(
          customerNotifications.quoteReady(
            await customerReader(this.contacts, tenant, lead.customerPhone),
            quote,
            lead.customerPhone,
            lead.customerName,
          ),
        );
        if (lead.moveTo('quoted')) {
          await this.leads.save(lead);
          await this.events.append([leadEvent('lead.updated', lead)]);
        }
      } else await this.alertManagers(quote, lead);
      const who = { tenantId: tenant.id, actor: actorLabel(actor) };
      const facts = { quoteRef: quote.ref, leadRef: lead.ref, amount, currency, status };
      await this.timeline.add({
        ...who,
        entityType: 'lead',
        entityId: lead.id,
        eventType: 'SYSTEM',
        source: actor.source,
        content: { action: status === 'sent' ? 'QUOTE_SENT' : 'QUOTE_CREATED', ...facts },
      });
      await this.audit.record({
        ...who,
        action: 'QUOTE_CREATED',
        entityType: 'quote',
        entityId: quote.id,
        details: facts,
      });
      return quote;
    });
  }

  private async alertManagers(quote: Quote, lead: Lead): Promise<void> {
    const price = formatMoney(quote.amount, quote.currency);
    const text = `Quote ${quote.ref} for ${lead.ref} (${price}) needs your approval: reply APPROVE ${quote.ref}`;
    for (const manager of await this.staff.activeStaff(quote.tenantId, ['manager']))
      await this.outbound.enqueue({
        tenantId: quote.tenantId,
        to: manager.phone,
        purpose: 'notification',
        priority: 'high',
        text,
      });
  }
}
