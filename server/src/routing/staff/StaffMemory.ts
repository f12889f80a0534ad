import { inject, injectable } from 'inversify';
import type { Conversation, ConversationRepository } from '../../modules/conversation/domain/Conversation';
import { TYPES } from '../../types';
import { readStaffContext, STAFF_STATE, type StaffContext } from './staffContext';

/**
 * The staff context of a conversation. Changes are written through at once (in the routing
 * transaction) and onto the conversation object, so what follows in this pass reads them too.
 */
@injectable()
export class StaffMemory {
  constructor(@inject(TYPES.ConversationRepository) private readonly conversations: ConversationRepository) {}

  read(conversation: Conversation): StaffContext {
    return readStaffContext(conversation.context);
  }

  async write(conversation: Conversation, context: StaffContext): Promise<void> {
    conversation.context = { ...context };
    await this.conversations.bind(conversation.tenantId, [
      { id: conversation.id, state: STAFF_STATE, context: conversation.context },
    ]);
  }
}
