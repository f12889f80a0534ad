import type { Conversation } from '../../conversation/domain/Conversation';
import type { OptInStatus } from '../../optin/domain/OptIn';
import type { InboundMessageEvent } from '../../../shared/channel/InboundEvent';

export interface RoutableMessage {
  tenantId: string;
  messageId: string;
  /** E.164, or the business-scoped user id when no phone is shared. */
  customerPhone: string;
  conversation: Conversation;
  /** The sender's opt-in status once this message was recorded (before any STOP/START in it). */
  consent: OptInStatus;
  event: InboundMessageEvent;
  /** The customer's language (set by staff, else detected from their messages), when known. */
  customerLanguage?: string;
  /** A voice note queued for transcription: the router may answer it once its words are known. */
  awaitsTranscription?: boolean;
}

/**
 * Port: decides what a stored inbound message means (who sent it, which command, may they) and
 * acts on it. Called inside the transaction that recorded the message, so a crash anywhere
 * before commit replays both, and a committed message is never routed twice.
 */
export interface MessageRouter {
  /** Messages of one tenant, at most one per customer (handled set-based where the path allows). */
  route(messages: RoutableMessage[]): Promise<void>;
}
