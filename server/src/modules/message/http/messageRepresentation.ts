import Joi from 'joi';
import { nullable, timestamp, uuid } from '../../../shared/http/api/schemas';
import type { Message } from '../domain/Message';
import { MESSAGE_PRIORITIES } from '../domain/MessagePriority';
import { MESSAGE_STATUSES } from '../domain/MessageStatus';

export const messageSchema = Joi.object({
  id: uuid().required(),
  conversationId: nullable(uuid()),
  direction: Joi.string().valid('INBOUND', 'OUTBOUND').required(),
  type: Joi.string().required(),
  customerPhone: nullable(Joi.string()),
  content: Joi.object().unknown(true).required().description('Text, template call, media reference, …'),
  status: Joi.string()
    .valid(...MESSAGE_STATUSES)
    .required(),
  statusHistory: Joi.array()
    .items(
      Joi.object({
        status: Joi.string().required(),
        at: Joi.string().required(),
        applied: Joi.boolean().required(),
        errorCode: Joi.string(),
        errorTitle: Joi.string(),
      }).unknown(true),
    )
    .required(),
  priority: Joi.string()
    .valid(...MESSAGE_PRIORITIES)
    .required()
    .description(
      'The queue class of an outbound message: high (replies, staff alerts), normal (notifications), low (broadcasts)',
    ),
  channel: Joi.string()
    .valid('whatsapp', 'sms')
    .required()
    .description('`sms`: the SMS fallback of a message WhatsApp could not deliver'),
  origin: nullable(Joi.string().valid('ai', 'auto')).description(
    'Outbound: `ai` written by the AI, `auto` by an auto-responder rule, the away message or the greeting; null otherwise',
  ),
  providerMessageId: nullable(Joi.string()),
  errorCode: nullable(Joi.string()),
  errorTitle: nullable(Joi.string()),
  attempts: Joi.number().integer().required(),
  sentAt: nullable(timestamp()),
  createdAt: timestamp().required(),
}).label('Message');

export const messageJson = (m: Message) => ({
  id: m.id,
  conversationId: m.conversationId ?? null,
  direction: m.direction,
  type: m.type,
  customerPhone: m.customerPhone ?? null,
  content: m.content,
  status: m.status,
  statusHistory: m.statusHistory,
  priority: m.priority,
  channel: m.channel,
  origin: m.origin ?? null,
  providerMessageId: m.providerMessageId ?? null,
  errorCode: m.errorCode ?? null,
  errorTitle: m.errorTitle ?? null,
  attempts: m.attempts,
  sentAt: m.sentAt ?? null,
  createdAt: m.createdAt,
});
