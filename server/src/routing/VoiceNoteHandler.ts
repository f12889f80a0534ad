import { inject, injectable } from 'inversify';
import type { Conversation, ConversationRepository } from '../modules/conversation/domain/Conversation';
import type { AppendToLead } from '../modules/lead/application/AppendToLead';
import type { TranscribedVoiceNote, VoiceNoteRouter } from '../modules/media/domain/VoiceNote';
import { TYPES } from '../types';
import type { IdentifySender } from './IdentifySender';
import { parseSpokenCommand } from './parse/parseSpokenCommand';
import { repliesFor } from './replies';
import type { StaffCommandHandler, StaffInput } from './StaffCommandHandler';

/**
 * A voice note, once transcribed (SPEC §22). From staff: a transcript that speaks a command runs
 * as that command; anything else is field media, filed on the trip its words name, else the trip
 * of the last command within 30 minutes, else they are asked. From a customer: the words join
 * their open lead's timeline. Runs in the transaction that stored the transcript.
 */
@injectable()
export class VoiceNoteHandler implements VoiceNoteRouter {
  constructor(
    @inject(TYPES.IdentifySender) private readonly identify: IdentifySender,
    @inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository,
    @inject(TYPES.StaffCommandHandler) private readonly staff: StaffCommandHandler,
    @inject(TYPES.AppendToLead) private readonly appendToLead: AppendToLead,
  ) {}

  async route(note: TranscribedVoiceNote): Promise<void> {
    const { actors, language } = await this.identify.execute(note.tenantId, [{ phone: note.senderPhone }]);
    const [actor] = actors;
    const conversation = note.conversationId
      ? await this.conversations.findById(note.tenantId, note.conversationId)
      : undefined;
    if (!conversation) return;
    if (actor.role === 'customer') return this.toLead(note, conversation);
    const command = note.transcript ? parseSpokenCommand(note.transcript) : undefined;
    const input: StaffInput = command
      ? { kind: 'text', text: note.transcript!, command }
      : {
          kind: 'media',
          messageId: note.messageId,
          mediaType: 'audio',
          transcript: note.transcript,
          at: note.sentAt,
        };
    const target = {
      conversation,
      to: note.senderPhone,
      replyToProviderId: note.providerMessageId,
      at: note.sentAt,
    };
    await this.staff.respond(actor, input, target, repliesFor(language));
  }

  private async toLead(note: TranscribedVoiceNote, conversation: Conversation): Promise<void> {
    const leadId = conversation.context.leadId;
    if (!note.transcript || typeof leadId !== 'string') return;
    await this.appendToLead.execute({
      tenantId: note.tenantId,
      lead: leadId,
      messageId: note.messageId,
      text: note.transcript,
      source: 'WHATSAPP',
    });
  }
}
