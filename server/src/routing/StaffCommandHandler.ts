import { inject, injectable } from 'inversify';
import type { AuditLog } from '../modules/audit/domain/AuditLog';
import type { Actor } from '../modules/identity/domain/Actor';
import type { AttachTripMedia } from '../modules/incident/application/AttachTripMedia';
import type { CheckIn } from '../modules/incident/application/CheckIn';
import type { ReportIncident } from '../modules/incident/application/ReportIncident';
import type { ResolveIncidents } from '../modules/incident/application/ResolveIncidents';
import type { ApproveQuote } from '../modules/booking/application/ApproveQuote';
import { isMediaType } from '../modules/media/domain/mediaTypes';
import type { OutboundQueue } from '../modules/message/domain/OutboundRequest';
import type { GetTripStatus } from '../modules/trip/application/GetTripStatus';
import { TripCode } from '../modules/trip/domain/TripCode';
import type { TripRepository } from '../modules/trip/domain/TripRepository';
import type { BroadcastToTrip } from '../modules/broadcast/application/BroadcastToTrip';
import { TYPES } from '../types';
import { answerFailure } from './answerFailure';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';
import { parseStaffCommand, type StaffCommand } from './parse/parseStaffCommand';
import type { Replies } from './replies';

/** Staff commands (SPEC §6) → the use cases the REST API also calls → one reply to the sender. */
@injectable()
export class StaffCommandHandler {
  constructor(
    @inject(TYPES.CheckIn) private readonly checkIn: CheckIn,
    @inject(TYPES.ReportIncident) private readonly reportIncident: ReportIncident,
    @inject(TYPES.ResolveIncidents) private readonly resolveIncidents: ResolveIncidents,
    @inject(TYPES.GetTripStatus) private readonly tripStatus: GetTripStatus,
    @inject(TYPES.AttachTripMedia) private readonly attachMedia: AttachTripMedia,
    @inject(TYPES.ApproveQuote) private readonly approveQuote: ApproveQuote,
    @inject(TYPES.BroadcastToTrip) private readonly broadcast: BroadcastToTrip,
    @inject(TYPES.TripRepository) private readonly trips: TripRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async handle(actor: Actor, message: RoutableMessage, replies: Replies): Promise<void> {
    const { event } = message;
    const isMedia = isMediaType(event.type);
    const command: StaffCommand | undefined = isMedia ? undefined : parseStaffCommand(event.text ?? '');
    let text: string;
    try {
      text = command
        ? await this.run(actor, command, replies)
        : await this.fileMedia(actor, message, replies);
    } catch (error) {
      text = await answerFailure(error, actor, replies, this.audit, command?.kind ?? 'media');
    }
    await this.outbound.enqueue({
      tenantId: actor.tenantId,
      to: message.customerPhone,
      purpose: 'reply',
      text,
      conversationId: message.conversation.id,
      replyToProviderId: event.providerMessageId,
    });
  }

  private async run(actor: Actor, command: StaffCommand, replies: Replies): Promise<string> {
    switch (command.kind) {
      case 'checkin':
        await this.checkIn.execute({ actor, tripCode: command.tripCode, note: command.note });
        return replies.checkedIn(command.tripCode);
      case 'issue': {
        const { incident } = await this.reportIncident.execute({ actor, ...command });
        return replies.incidentReported(incident.ref, command.tripCode);
      }
      case 'resolve': {
        const target =
          'incidentRef' in command ? { incidentRef: command.incidentRef } : { tripCode: command.tripCode };
        const { resolved } = await this.resolveIncidents.execute({ actor, ...target, note: command.note });
        return replies.resolved(resolved.map((i) => i.ref));
      }
      case 'trip_status':
        return replies.tripStatus(await this.tripStatus.execute({ actor, tripCode: command.tripCode }));
      case 'broadcast': {
        const result = await this.broadcast.execute({
          actor,
          tripCode: command.tripCode,
          text: command.text,
        });
        return replies.broadcastQueued(result.queued, result.skipped);
      }
      case 'approve_quote':
        await this.approveQuote.execute({ actor, quoteRef: command.quoteRef });
        return replies.quoteApproved(command.quoteRef);
      case 'malformed':
        return replies.malformed(command.problem);
      case 'help':
      case 'unknown':
        return replies.help(actor.role);
    }
  }

  /** A photo or document whose caption names a trip goes on that trip's timeline. */
  private async fileMedia(actor: Actor, message: RoutableMessage, replies: Replies): Promise<string> {
    const codes = TripCode.candidatesIn(message.event.text ?? '');
    const [trip] = codes.length ? await this.trips.findByCodes(actor.tenantId, codes) : [];
    if (!trip) return replies.mediaNeedsTrip;
    await this.attachMedia.execute({
      actor,
      tripCode: trip.code,
      messageId: message.messageId,
      mediaType: message.event.type,
      caption: message.event.text,
    });
    return replies.mediaFiled(trip.code);
  }
}
