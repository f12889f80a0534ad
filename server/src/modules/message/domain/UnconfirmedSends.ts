/**
 * Port: a send whose outcome was lost (the process died mid-call) waits as `unconfirmed` for a
 * status webhook naming it by our message id (docs/decisions/0015). Implemented by the outbound
 * dispatcher, which owns the attempt log.
 */
export interface UnconfirmedSends {
  /**
   * Records the named send as accepted under `providerMessageId` (sent, its attempt settled) when
   * it is still waiting for an outcome: `unconfirmed`, or queued again after a lost attempt and
   * not yet re-sent. False otherwise.
   */
  confirm(tenantId: string, messageId: string, providerMessageId: string, at: Date): Promise<boolean>;
}
