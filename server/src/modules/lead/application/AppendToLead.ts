import { inject, injectable } from 'inversify';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { actorLabel } from '../../identity/domain/Actor';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import type { LeadRepository } from '../domain/LeadRepository';

export interface AppendToLeadInput {
  tenantId: string;
  leadId: string;
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
    const { tenantId, leadId, messageId, text, source } = input;
    await this.unitOfWork.run(async () => {
      const lead = await this.leads.findById(tenantId, leadId);
      if (!lead) throw new NotFoundError('lead', leadId);
      await this.timeline.add({
        tenantId,
        entityType: 'lead',
        entityId: lead.id,
        eventType: 'MESSAGE',
        source,
        actor: actorLabel({ tenantId, role: 'customer', phone: lead.customerPhone, source }),
        content: { action: 'CUSTOMER_MESSAGE', messageId, text },
      });
    });
  }
}
