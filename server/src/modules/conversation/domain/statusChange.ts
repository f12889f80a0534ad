import { BusinessRuleError } from '../../../shared/errors/AppError';
import type { ConversationStatus, HandlingStatus } from './Conversation';

/**
 * Staff may close an open conversation, archive or mark as spam any conversation, and reopen an
 * ended one (only while the customer has no other open conversation: the caller checks that).
 */
export function assertStatusChange(from: ConversationStatus, to: HandlingStatus): void {
  if (to === 'closed' && from !== 'active')
    throw new BusinessRuleError('CONVERSATION_NOT_ACTIVE', `The conversation is ${from}`);
  if (to === from)
    throw new BusinessRuleError('CONVERSATION_STATUS_UNCHANGED', `The conversation is already ${from}`);
}
