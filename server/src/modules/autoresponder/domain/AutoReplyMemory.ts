/** The away message goes at most once per conversation per 12 hours (SPEC §23). */
export const AWAY_INTERVAL_MS = 12 * 60 * 60 * 1000;

/** Port: what the auto-responder remembers across messages. */
export interface AutoReplyMemory {
  /**
   * Records an away message for each conversation that has had none in the last 12 hours; returns
   * those (in the caller's transaction, safe against concurrent instances).
   */
  claimAway(tenantId: string, conversationIds: string[], now: Date): Promise<Set<string>>;
  /** The phones among these that never wrote before (no earlier inbound message than `messageIds`). */
  firstTimers(tenantId: string, messages: Array<{ phone: string; messageId: string }>): Promise<Set<string>>;
}
