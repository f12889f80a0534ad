import { inject, injectable } from 'inversify';
import type { ApproveQuote } from '../../modules/booking/application/ApproveQuote';
import type { BroadcastToTrip } from '../../modules/broadcast/application/BroadcastToTrip';
import type { Actor } from '../../modules/identity/domain/Actor';
import type { CheckIn } from '../../modules/incident/application/CheckIn';
import type { GetIncidentStatus } from '../../modules/incident/application/GetIncidentStatus';
import type { ReportIncident } from '../../modules/incident/application/ReportIncident';
import type { ResolveIncidents } from '../../modules/incident/application/ResolveIncidents';
import type { UpdateIncident } from '../../modules/incident/application/UpdateIncident';
import type { GetTripStatus } from '../../modules/trip/application/GetTripStatus';
import { TYPES } from '../../types';
import type { StaffCommand } from '../parse/parseStaffCommand';
import type { Replies } from '../replies';

/** A command's answer, and the trip it was about (the staff member's trip for the next half hour). */
export interface CommandOutcome {
  text: string;
  tripCode?: string;
}

/** Staff commands (SPEC §6, §22) → the use cases the REST API also calls. */
@injectable()
export class StaffCommands {
  constructor(
    @inject(TYPES.CheckIn) private readonly checkIn: CheckIn,
    @inject(TYPES.ReportIncident) private readonly reportIncident: ReportIncident,
    @inject(TYPES.ResolveIncidents) private readonly resolveIncidents: ResolveIncidents,
    @inject(TYPES.UpdateIncident) private readonly updateIncident: UpdateIncident,
    @inject(TYPES.GetIncidentStatus) private readonly incidentStatus: GetIncidentStatus,
    @inject(TYPES.GetTripStatus) private readonly tripStatus: GetTripStatus,
    @inject(TYPES.ApproveQuote) private readonly approveQuote: ApproveQuote,
    @inject(TYPES.BroadcastToTrip) private readonly broadcast: BroadcastToTrip,
  ) {}

  async run(actor: Actor, command: StaffCommand, replies: Replies): Promise<CommandOutcome> {
    switch (command.kind) {
      case 'checkin':
        await this.checkIn.execute({ actor, tripCode: command.tripCode, note: command.note });
        return { text: replies.checkedIn(command.tripCode), tripCode: command.tripCode };
      case 'issue': {
        const { incident } = await this.reportIncident.execute({ actor, ...command });
        return { text: replies.incidentReported(incident.ref, command.tripCode), tripCode: command.tripCode };
      }
      case 'resolve': {
        const target =
          'incidentRef' in command ? { incidentRef: command.incidentRef } : { tripCode: command.tripCode };
        const { resolved, trip } = await this.resolveIncidents.execute({
          actor,
          ...target,
          note: command.note,
        });
        return { text: replies.resolved(resolved.map((i) => i.ref)), tripCode: trip.code };
      }
      case 'update_incident': {
        const result = await this.updateIncident.execute({
          actor,
          incidentRef: command.incidentRef,
          note: command.note,
          acknowledge: 'if_open',
        });
        const { incident, update, alerted } = result;
        return {
          text: replies.incidentUpdated(incident.ref, update.kind === 'acknowledged', alerted),
          tripCode: result.trip.code,
        };
      }
      case 'incident_status': {
        const summary = await this.incidentStatus.execute({ actor, incidentRef: command.incidentRef });
        return { text: replies.incidentStatus(summary), tripCode: summary.tripCode };
      }
      case 'trip_status': {
        const status = await this.tripStatus.execute({ actor, tripCode: command.tripCode });
        return { text: replies.tripStatus(status), tripCode: status.code };
      }
      case 'broadcast': {
        const result = await this.broadcast.execute({
          actor,
          tripCode: command.tripCode,
          text: command.text,
        });
        return { text: replies.broadcastQueued(result.queued, result.skipped), tripCode: command.tripCode };
      }
      case 'approve_quote':
        await this.approveQuote.execute({ actor, quoteRef: command.quoteRef });
        return { text: replies.quoteApproved(command.quoteRef) };
      case 'malformed':
        return { text: replies.malformed(command.problem) };
      case 'help':
      case 'unknown':
        return { text: replies.help(actor.role) };
    }
  }
}
