/** A customer message for the AI to answer, queued by the router, answered by a worker. */
export interface NewAiRequest {
  tenantId: string;
  messageId: string;
  conversationId: string;
  customerPhone: string;
  customerName?: string;
  language?: string;
  providerMessageId?: string;
}

export interface ClaimedAiRequest extends NewAiRequest {
  id: string;
  attempts: number;
}

/** Why the AI did not answer: the customer goes to the lead path and the rep is alerted. */
export type HandoffReason =
  | 'asked_for_person'
  | 'ai_error'
  | 'ai_timeout'
  | 'not_in_plan'
  | 'limit_reached'
  | 'max_replies'
  | 'abandoned';

export interface AiRequestQueue {
  /** In the routing transaction; a message is queued once. */
  enqueue(requests: NewAiRequest[]): Promise<void>;
  /** Pending requests under a lease (FOR UPDATE SKIP LOCKED), attempts counted. */
  claim(limit: number, now: Date, leaseUntil: Date): Promise<ClaimedAiRequest[]>;
  /** Settles a claimed request once: false when another worker or a later claim has it. */
  finish(request: ClaimedAiRequest, status: 'answered' | 'handed_off', outcome: string): Promise<boolean>;
  /** How many AI replies each conversation has had already. */
  repliesIn(tenantId: string, conversationIds: string[]): Promise<Map<string, number>>;
}

/** What the AI is told about the customer (SPEC §23): their last 20 messages, open lead and bookings. */
export interface AiContext {
  instructions: string;
  messages: Array<{ role: 'user' | 'assistant'; content: string }>;
  lead?: { ref: string; status: string; summary?: string; partySize?: number; travelMonth?: string };
  bookings: Array<{ ref: string; status: string; trip?: string; departureDate?: string; total?: string }>;
}

export interface AiContextReader {
  read(request: ClaimedAiRequest): Promise<AiContext>;
}

/** Port: hands a customer to a person: the lead path (lead created or appended), the rep alerted. */
export interface AiHandoff {
  handOff(request: NewAiRequest, reason: HandoffReason): Promise<void>;
}
