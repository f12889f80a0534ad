import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { customerReader } from '../../contact/application/customerLanguage';
import type { ContactRepository } from '../../contact/domain/Contact';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { LeadRepository } from '../../lead/domain/LeadRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Quote } from '../domain/Quote';
import type { QuoteRepository } from '../domain/QuoteRepository';
import { customerNotifications } from './customerNotifications';
import { requireTenant } from './requireTenant';

/** `POST /quotes/:id/approve` (uuid or ref) or the manager's `APPROVE Q-12`. */
export type ApproveQuoteInput = { actor: Actor } & ({ quoteId: string } | { quoteRef: string });

/** A manager releases a quote held over the approval threshold; the customer gets it now. */
@injectable()
export class ApproveQuote {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.ContactRepository) private readonly contacts: ContactRepository,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.QuoteRepository) private readonly quotes: QuoteRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: ApproveQuoteInput): Promise<Quote> {
    const { actor } = input;
    assertAllowed(actor, 'approve_quote');
    const key = 'quoteId' in input ? input.quoteId : input.quoteRef;
    return this.unitOfWork.run(async () => {
      const quote = await this.quotes.findById(actor.tenantId, key, { forUpdate: true });
      if (!quote) throw new NotFoundError('quote', key);
      const lead = await this.leads.findById(actor.tenantId, quote.leadId, { forUpdate: true });
      if (!lead) throw new NotFoundError('lead', quote.leadId);
      quote.approve(actor.userId, this.clock.now());
      lead.assertOpen();
      const tenant = await requireTenant(this.tenants, actor.tenantId);
      await this.quotes.save(quote);
      await this.outbound.enqueue(
        customerNotifications.quoteReady(
          await customerReader(this.contacts, tenant, lead.customerPhone),
          quote,
          lead.customerPhone,
          lead.customerName,
        ),
      );
      if (lead.moveTo('quoted')) await this.leads.save(lead);
      const who = { tenantId: tenant.id, actor: actorLabel(actor) };
      const facts = {
        quoteRef: quote.ref,
        leadRef: lead.ref,
        amount: quote.amount,
        currency: quote.currency,
      };
      await this.timeline.add({
        ...who,
        entityType: 'lead',
        entityId: lead.id,
        eventType: 'SYSTEM',
        source: actor.source,
        content: { action: 'QUOTE_APPROVED', ...facts },
      });
      await this.audit.record({
        ...who,
        action: 'QUOTE_APPROVED',
        entityType: 'quote',
        entityId: quote.id,
        details: facts,
      });
      return quote;
    });
  }
}
