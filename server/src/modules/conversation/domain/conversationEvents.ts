import type { NewEvent } from '../../events/domain/DomainEvent';
import { publicStatus, type Conversation } from './Conversation';

/** `conversation.updated` (SPEC §18): its handling now, and what changed. */
export const conversationUpdated = (
  c: Pick<Conversation, 'id' | 'tenantId' | 'status' | 'assignedTo' | 'unreadCount' | 'customerPhone'>,
  changed: string[],
): NewEvent => ({
  tenantId: c.tenantId,
  type: 'conversation.updated',
  data: {
    conversationId: c.id,
    customerPhone: c.customerPhone,
    status: publicStatus(c.status),
    assignedTo: c.assignedTo ?? null,
    unreadCount: c.unreadCount,
    changed,
  },
});
