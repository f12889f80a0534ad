import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import {
  isWindowOpen,
  PUBLIC_CONVERSATION_STATUSES,
  publicStatus,
  windowExpiresAt,
} from '../domain/Conversation';
import type { ConversationView } from '../infrastructure/conversationQueries';

export const conversationSchema = Joi.object({
  id: uuid().required(),
  customerPhone: Joi.string().required().description('E.164, or the business-scoped user id'),
  customerName: nullable(Joi.string()),
  state: Joi.string().required(),
  status: Joi.string()
    .valid(...PUBLIC_CONVERSATION_STATUSES)
    .required()
    .description('`open`, or how it ended: `expired` (24 hours idle), `closed`, `archived`, `spam`'),
  context: Joi.object().unknown(true).required().description('The business object it is bound to'),
  assignedTo: nullable(uuid()),
  unreadCount: Joi.number().integer().required(),
  lastInboundAt: nullable(timestamp()),
  lastMessageAt: nullable(timestamp()),
  expiresAt: nullable(timestamp()),
  windowOpen: Joi.boolean().required().description('Free text may be sent (24-hour customer-service window)'),
  windowExpiresAt: nullable(timestamp()),
  lastMessage: nullable(
    Joi.object({
      text: nullable(Joi.string()),
      type: Joi.string().required(),
      direction: Joi.string().valid('INBOUND', 'OUTBOUND').required(),
      at: timestamp().required(),
      status: Joi.string().required(),
    }).label('LastMessage'),
  ),
  createdAt: timestamp().required(),
}).label('Conversation');

export const conversationJson = (c: ConversationView, now: Date) => ({
  id: c.id,
  customerPhone: c.customerPhone,
  customerName: c.customerName ?? null,
  state: c.state,
  status: publicStatus(c.status),
  context: c.context,
  assignedTo: c.assignedTo ?? null,
  unreadCount: c.unreadCount,
  lastInboundAt: c.lastInboundAt ?? null,
  lastMessageAt: c.lastMessageAt ?? null,
  expiresAt: c.expiresAt ?? null,
  windowOpen: isWindowOpen(c, now),
  windowExpiresAt: windowExpiresAt(c) ?? null,
  lastMessage: c.lastMessage ? { ...c.lastMessage, text: c.lastMessage.text ?? null } : null,
  createdAt: c.createdAt,
});
