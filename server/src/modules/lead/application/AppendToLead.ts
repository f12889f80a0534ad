import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { actorLabel } from '../../identity/domain/Actor';
import type { NewTimelineEntry, TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { Lead } from '../domain/Lead';
import type { LeadRepository } from '../domain/LeadRepository';

export interface AppendToLeadInput {
  tenantId: string;
  /** The lead's id, or the lead itself when the caller has just read it in this unit of work. */
  lead: string | Lead;
  messageId: string;
  text: string;
  source: 'WHATSAPP' | 'WEB';
}

/** SPEC §6: a customer's follow-up goes to their open lead's timeline instead of opening a new lead. */
@injectable()
export class AppendToLead {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
  ) {}

  async execute(input: AppendToLeadInput): Promise<void> {
    await this.executeAll([input]);
  }

  /** Several follow-ups, their timeline entries in one statement. */
  async executeAll(inputs: AppendToLeadInput[]): Promise<void> {
    await this.unitOfWork.run(async () => {
      const entries: NewTimelineEntry[] = [];
      for (const { tenantId, messageId, text, source, lead: given } of inputs) {
        const lead = typeof given === 'string' ? await this.leads.findById(tenantId, given) : given;
        if (!lead || lead.tenantId !== tenantId)
          throw new NotFoundError('lead', typeof given === 'string' ? given : given.id);
        entries.push({
          tenantId,
          entityType: 'lead',
          entityId: lead.id,
          eventType: 'MESSAGE',
          source,
          actor: actorLabel({ tenantId, role: 'customer', phone: lead.customerPhone, source }),
          content: { action: 'CUSTOMER_MESSAGE', messageId, text },
        });
      }
      await this.timeline.addAll(entries);
    });
  }
}
