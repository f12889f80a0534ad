/**
 * Port: blue ticks and the typing indicator on a customer's inbound message. Sent by the channel
 * outside any transaction; a failure changes nothing here.
 */
export interface ReadReceipts {
  /** Automatic receipt for a message the service handled (unless the tenant turned it off); not awaited. */
  handled(tenantId: string, providerMessageId: string): void;
  /** Staff read the conversation: the receipt goes whatever the automatic setting; not awaited. */
  readByStaff(tenantId: string, providerMessageId: string): void;
  /** Staff are typing: shows the indicator (it also marks the message read); false if it could not be shown. */
  typing(tenantId: string, providerMessageId: string): Promise<boolean>;
}
