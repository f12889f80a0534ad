import { inject, injectable } from 'inversify';
import { BusinessRuleError, NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { EventLog } from '../../events/domain/EventLog';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { assertStoredUpload } from '../../media/domain/assertStoredUpload';
import type { SendableMediaRepository } from '../../media/domain/sendableMedia';
import type { OutboundQueue, TemplateCall } from '../../message/domain/OutboundRequest';
import type { OptInRepository } from '../../optin/domain/OptIn';
import type { TemplateRepository } from '../../template/domain/TemplateRepository';
import { fallbackLanguage } from '../../template/domain/fallbackLanguage';
import { checkTemplateSendable } from '../../template/domain/templateSendability';
import { headerMediaId } from '../../template/domain/templateSendParams';
import { authorizeOnTrip } from '../../trip/application/authorizeOnTrip';
import type { TripRepository } from '../../trip/domain/TripRepository';
import type { BroadcastRecipient, BroadcastRepository } from '../domain/Broadcast';
import type { BroadcastListRepository } from '../domain/BroadcastList';
import { selectRecipients } from '../domain/selectRecipients';

export interface SendBroadcastInput {
  actor: Actor;
  template: TemplateCall;
  listId?: string;
  tripCode?: string;
}

export interface SendBroadcastResult {
  broadcastId: string;
  queued: number;
  skipped: number;
}

/** One transaction holds a broadcast and all its queued messages; larger audiences are split by staff. */
export const MAX_RECIPIENTS = 10_000;

/**
 * One approved template to a list or to a trip's customers (SPEC §10): refused up front unless the
 * template is approved with the right header, body and button values; opted-in recipients get one queued message each
 * through the outbound queue (so the dispatcher's rules and rate limit apply), the others are
 * recorded as skipped — all in one transaction with the broadcast row.
 */
@injectable()
export class SendBroadcast {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.BroadcastListRepository) private readonly lists: BroadcastListRepository,
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.BroadcastRepository) private readonly broadcasts: BroadcastRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.SendableMediaRepository) private readonly media: SendableMediaRepository,
  ) {}

  async execute(input: SendBroadcastInput): Promise<SendBroadcastResult> {
    const { actor } = input;
    const audience = await this.audience(input);
    const template = await this.template(actor.tenantId, input.template);
    const call = { ...input.template, language: template.language };
    const sendable = checkTemplateSendable(template.found, call);
    if (!sendable.ok)
      throw new BusinessRuleError(
        sendable.code,
        `Template ${call.name} (${call.language}): ${sendable.reason}`,
        {
          ...(sendable.fields ? { fields: sendable.fields } : {}),
        },
      );
    await assertStoredUpload(this.media, actor.tenantId, headerMediaId(call), 'template.header.id');
    if (audience.phones.length > MAX_RECIPIENTS)
      throw new ValidationError(`At most ${MAX_RECIPIENTS} recipients per broadcast`);
    return this.unitOfWork.run(async () => {
      const broadcastId = await this.broadcasts.create({
        tenantId: actor.tenantId,
        template: call,
        tripId: audience.tripId,
        listId: audience.listId,
        createdBy: actorLabel(actor),
      });
      const consents = await this.optIns.consentOf(actor.tenantId, audience.phones);
      const recipients: BroadcastRecipient[] = [];
      for (const r of selectRecipients(audience.phones, consents, template.found?.category)) {
        const messageId =
          r.status === 'queued'
            ? await this.outbound.enqueue({
                tenantId: actor.tenantId,
                to: r.phone,
                purpose: 'broadcast',
                template: call,
                context: { broadcastId },
              })
            : undefined;
        recipients.push({ ...r, messageId });
      }
      await this.broadcasts.addRecipients(actor.tenantId, broadcastId, recipients);
      const queued = recipients.filter((r) => r.status === 'queued').length;
      const result = { broadcastId, queued, skipped: recipients.length - queued };
      await this.events.append([
        { tenantId: actor.tenantId, type: 'broadcast.progress', data: { ...result } },
      ]);
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'BROADCAST_QUEUED',
        entityType: audience.tripId ? 'trip' : 'broadcast_list',
        entityId: audience.tripId ?? audience.listId,
        details: { ...result, template: call.name },
      });
      return result;
    });
  }

  /**
   * The template in the call's language; without one, in the tenant's language or, where it is not
   * approved in that, another approved language (see fallbackLanguage), as for system notifications.
   */
  private async template(tenantId: string, call: TemplateCall) {
    const tenantLanguage = (await this.tenants.findById(tenantId))?.defaultLanguage ?? 'en';
    const languages = call.language
      ? []
      : (await this.templates.list(tenantId, { name: call.name, status: 'APPROVED' })).map((t) => t.language);
    const language = call.language ?? fallbackLanguage(tenantLanguage, languages) ?? tenantLanguage;
    return { language, found: await this.templates.findByNameAndLanguage(tenantId, call.name, language) };
  }

  /** Who it goes to: the list's members or the trip's customers (exactly one of the two). */
  private async audience(input: SendBroadcastInput) {
    if (Boolean(input.listId) === Boolean(input.tripCode))
      throw new ValidationError('Give either listId or tripCode', [
        { field: input.listId ? 'tripCode' : 'listId', message: 'exactly one of listId and tripCode' },
      ]);
    const { actor } = input;
    if (input.tripCode) {
      const trip = await authorizeOnTrip(this.trips, actor, 'broadcast', input.tripCode);
      return {
        tripId: trip.id,
        listId: undefined,
        phones: await this.trips.customerPhones(actor.tenantId, trip.id),
      };
    }
    assertAllowed(actor, 'broadcast');
    const list = await this.lists.findById(actor.tenantId, input.listId!);
    if (!list) throw new NotFoundError('broadcast list', input.listId!);
    return {
      tripId: undefined,
      listId: list.id,
      phones: await this.lists.memberPhones(actor.tenantId, list.id),
    };
  }
}
