export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * `active` is the one open conversation of a customer; the others are ended: the customer's next
 * message opens a new one.
 */
export const CONVERSATION_STATUSES = ['active', 'expired', 'closed', 'archived', 'spam'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];

/** The statuses as the API and its events name them (SPEC §19): the open one is `open`. */
export const PUBLIC_CONVERSATION_STATUSES = ['open', 'expired', 'closed', 'archived', 'spam'] as const;
export type PublicConversationStatus = (typeof PUBLIC_CONVERSATION_STATUSES)[number];
export const publicStatus = (status: ConversationStatus): PublicConversationStatus =>
  status === 'active' ? 'open' : status;

/** What staff may set (SPEC §19). */
export type HandlingStatus = 'active' | 'closed' | 'archived' | 'spam';

export interface Conversation {
  id: string;
  tenantId: string;
  /** E.164, or the business-scoped user id when the customer shares no phone. */
  customerPhone: string;
  customerUserId?: string;
  customerName?: string;
  state: string;
  status: ConversationStatus;
  context: Record<string, unknown>;
  lastInboundAt?: Date;
  expiresAt?: Date;
  assignedTo?: string;
  unreadCount: number;
}

/** WhatsApp's customer-service window: free-form messages only within 24 h of the customer's last message. */
export function windowExpiresAt(conversation: Pick<Conversation, 'lastInboundAt'>): Date | undefined {
  return conversation.lastInboundAt && new Date(conversation.lastInboundAt.getTime() + SERVICE_WINDOW_MS);
}

export function isWindowOpen(conversation: Pick<Conversation, 'lastInboundAt'>, now: Date): boolean {
  const expires = windowExpiresAt(conversation);
  return expires !== undefined && now < expires;
}

export interface InboundContact {
  /** The inbound message just recorded; it is attached to the conversation. */
  messageId: string;
  customerPhone: string;
  customerUserId?: string;
  customerName?: string;
  /** When the customer wrote (the provider's timestamp, never later than now). */
  at: Date;
}

export interface ConversationBinding {
  id: string;
  state: string;
  context: Record<string, unknown>;
}

export interface ConversationRepository {
  /**
   * The active conversation of each contact's customer (one contact per customer), created if
   * needed, with the window moved to `at` and the contact's message attached to it; by customer.
   */
  touchInbound(tenantId: string, contacts: InboundContact[]): Promise<Map<string, Conversation>>;
  findById(tenantId: string, id: string): Promise<Conversation | undefined>;
  /** Staff handling: who owns it, its status, and marking it read. */
  updateHandling(
    tenantId: string,
    id: string,
    changes: { assignedTo?: string | null; status?: HandlingStatus; unreadCount?: 0 },
  ): Promise<void>;
  /** Hands conversations to staff (a lead's rep), leaving those that have an assignee; returns those changed. */
  assignUnassigned(
    tenantId: string,
    assignments: Array<{ id: string; assignedTo: string }>,
  ): Promise<string[]>;
  /** The active (open) conversation of the customer, if any. */
  findActiveByCustomer(tenantId: string, customerPhone: string): Promise<Conversation | undefined>;
  /** Binds conversations to business objects (lead, booking, trip) for the messages that follow. */
  bind(tenantId: string, bindings: ConversationBinding[]): Promise<void>;
  /** Marks up to `limit` active conversations with no message since `idleSince` expired; returns how many. */
  expireIdle(idleSince: Date, limit: number): Promise<number>;
}
