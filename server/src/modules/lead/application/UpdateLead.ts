import { inject, injectable } from 'inversify';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import { leadEvent } from '../domain/leadEvents';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { User } from '../../identity/domain/User';
import type { UserRepository } from '../../identity/domain/UserRepository';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { TimelineRepository } from '../../timeline/domain/TimelineEntry';
import { isLeadStatus, type Lead, type LeadStatus } from '../domain/Lead';
import type { LeadRepository } from '../domain/LeadRepository';
import { isUuid } from '../domain/isUuid';

export interface UpdateLeadInput {
  actor: Actor;
  /** uuid or ref (`LD-4`) */
  leadId: string;
  status?: string;
  /** Id of an active sales or manager user of the tenant. */
  assignedTo?: string;
}

/** `PATCH /leads/:id`: moves a lead along its statuses and/or hands it to another rep. */
@injectable()
export class UpdateLead {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.LeadRepository) private readonly leads: LeadRepository,
    @inject(TYPES.UserRepository) private readonly users: UserRepository,
    @inject(TYPES.TimelineRepository) private readonly timeline: TimelineRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(input: UpdateLeadInput): Promise<Lead> {
    const { actor } = input;
    assertAllowed(actor, 'manage_leads');
    const status = parseStatus(input.status);
    return this.unitOfWork.run(async () => {
      const lead = await this.leads.findById(actor.tenantId, input.leadId, { forUpdate: true });
      if (!lead) throw new NotFoundError('lead', input.leadId);
      const entry = { tenantId: actor.tenantId, entityType: 'lead' as const, entityId: lead.id };
      const common = { ...entry, source: actor.source, actor: actorLabel(actor) };
      const assignee = input.assignedTo ? await this.assignee(actor.tenantId, input.assignedTo) : undefined;
      if (assignee && lead.assignTo(assignee.id)) {
        await this.timeline.add({
          ...common,
          eventType: 'SYSTEM',
          content: { action: 'LEAD_ASSIGNED', assignedTo: assignee.id },
        });
        const text = `Lead ${lead.ref} (${lead.customerName ?? lead.customerPhone}) is now assigned to you.`;
        await this.outbound.enqueue({
          tenantId: actor.tenantId,
          to: assignee.phone,
          purpose: 'notification',
          priority: 'high',
          text,
        });
      }
      const from = lead.status;
      if (status && lead.moveTo(status))
        await this.timeline.add({
          ...common,
          eventType: 'STATUS_CHANGE',
          content: { action: 'LEAD_STATUS_CHANGED', from, to: status },
        });
      await this.leads.save(lead);
      await this.events.append([leadEvent('lead.updated', lead)]);
      const details = { status: lead.status, assignedTo: lead.assignedTo };
      await this.audit.record({ ...entry, actor: actorLabel(actor), action: 'LEAD_UPDATED', details });
      return lead;
    });
  }

  private async assignee(tenantId: string, userId: string): Promise<User> {
    const user = isUuid(userId) ? await this.users.findById(tenantId, userId) : undefined;
    if (!user?.active || !['sales', 'manager'].includes(user.role))
      throw new ValidationError('assignedTo must be an active sales or manager user', [
        { field: 'assignedTo', message: 'not an active sales or manager user of this tenant' },
      ]);
    return user;
  }
}

function parseStatus(status: string | undefined): LeadStatus | undefined {
  if (status === undefined) return undefined;
  if (!isLeadStatus(status))
    throw new ValidationError(`status must be one of new, contacted, quoted, converted, lost`, [
      { field: 'status', message: 'unknown status' },
    ]);
  if (status === 'converted')
    throw new BusinessRuleError('LEAD_CONVERT_NEEDS_BOOKING', 'A lead is converted by creating its booking');
  return status;
}
