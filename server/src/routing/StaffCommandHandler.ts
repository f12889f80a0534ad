import { inject, injectable } from 'inversify';
import type { AuditLog } from '../modules/audit/domain/AuditLog';
import type { Conversation } from '../modules/conversation/domain/Conversation';
import type { Actor } from '../modules/identity/domain/Actor';
import { isMediaType } from '../modules/media/domain/mediaTypes';
import type { RoutableMessage } from '../modules/message/domain/MessageRouter';
import type { OutboundQueue } from '../modules/message/domain/OutboundRequest';
import { TYPES } from '../types';
import { answerFailure } from './answerFailure';
import { parseStaffCommand, type StaffCommand } from './parse/parseStaffCommand';
import type { Replies } from './replies';
import { FieldMediaFiler, type FieldMedia } from './staff/FieldMediaFiler';
import { StaffCommands } from './staff/StaffCommands';
import { StaffMemory } from './staff/StaffMemory';
import { withLastTrip } from './staff/staffContext';

/**
 * What a staff member sent: words (typed, or a voice note's transcript, then already parsed as
 * `command`) or a file from the field.
 */
export type StaffInput =
  { kind: 'text'; text: string; command?: StaffCommand } | ({ kind: 'media' } & FieldMedia);

/** Where the answer goes: the staff member's conversation, in reply to their message. */
export interface StaffReplyTarget {
  conversation: Conversation;
  to: string;
  replyToProviderId?: string;
  at: Date;
}

/** Staff messages (SPEC §6, §22) → a command or a filed file → one reply to the sender. */
@injectable()
export class StaffCommandHandler {
  constructor(
    @inject(StaffCommands) private readonly commands: StaffCommands,
    @inject(FieldMediaFiler) private readonly media: FieldMediaFiler,
    @inject(StaffMemory) private readonly memory: StaffMemory,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async handle(actor: Actor, message: RoutableMessage, replies: Replies): Promise<void> {
    const { event } = message;
    // A voice note being transcribed is answered once its words are known (VoiceNoteHandler).
    if (message.awaitsTranscription) return;
    const target = {
      conversation: message.conversation,
      to: message.customerPhone,
      replyToProviderId: event.providerMessageId,
      at: event.timestamp,
    };
    const input: StaffInput = isMediaType(event.type)
      ? {
          kind: 'media',
          messageId: message.messageId,
          mediaType: event.type,
          caption: event.text,
          at: event.timestamp,
        }
      : { kind: 'text', text: event.text ?? '' };
    await this.respond(actor, input, target, replies);
  }

  /** Acts on the input and queues the answer; refusals become polite answers (answerFailure). */
  async respond(actor: Actor, input: StaffInput, target: StaffReplyTarget, replies: Replies): Promise<void> {
    let text: string;
    try {
      text =
        input.kind === 'media'
          ? await this.media.file(actor, target.conversation, input, replies)
          : await this.command(actor, input, target, replies);
    } catch (error) {
      const name = input.kind === 'media' ? 'media' : (input.command ?? parseStaffCommand(input.text)).kind;
      text = await answerFailure(error, actor, replies, this.audit, name);
    }
    await this.outbound.enqueue({
      tenantId: actor.tenantId,
      to: target.to,
      purpose: 'reply',
      text,
      conversationId: target.conversation.id,
      replyToProviderId: target.replyToProviderId,
    });
  }

  private async command(
    actor: Actor,
    { text, command = parseStaffCommand(text) }: { text: string; command?: StaffCommand },
    target: StaffReplyTarget,
    replies: Replies,
  ) {
    if (command.kind === 'unknown') {
      const filed = await this.media.answerWhichTrip(actor, target.conversation, text, target.at, replies);
      if (filed) return filed;
    }
    const outcome = await this.commands.run(actor, command, replies);
    if (outcome.tripCode) {
      const context = this.memory.read(target.conversation);
      await this.memory.write(target.conversation, withLastTrip(context, outcome.tripCode, target.at));
    }
    return outcome.text;
  }
}
