/** One reminder to one recipient: `payment_reminder` of a booking in slot `after-2`, to a phone. */
export interface ReminderSlot {
  tenantId: string;
  kind: 'payment_reminder' | 'trip_reminder' | 'token_expiry';
  subjectId: string;
  slot: string;
  recipient: string;
}

/**
 * Port: the reminders already sent (`sent_reminders`). Claiming a slot is inserting its row in the
 * caller's transaction; its unique key lets exactly one of two instances racing for it win, and a
 * rolled-back send frees the slot again.
 */
export interface ReminderLog {
  /** The slots this call claimed (those already claimed by anyone are left out). */
  claim(slots: ReminderSlot[]): Promise<ReminderSlot[]>;
  /** The slot names already sent for a subject. */
  sentSlots(tenantId: string, kind: ReminderSlot['kind'], subjectId: string): Promise<string[]>;
}
