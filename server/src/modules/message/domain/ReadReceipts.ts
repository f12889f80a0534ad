/**
 * Port: blue ticks for an inbound message we have handled. Best-effort and never awaited: the
 * channel sends the read receipt outside the transaction, and a failure changes nothing here.
 */
export interface ReadReceipts {
  handled(tenantId: string, providerMessageId: string): void;
}
