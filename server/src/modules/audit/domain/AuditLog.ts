export interface AuditEntry {
  tenantId: string;
  /** Who: a user id, `customer:<phone>`, `system`, `cron`. */
  actor: string;
  /** What, in SCREAMING_SNAKE: PERMISSION_DENIED, QUOTE_APPROVED, PANIC_MODE_ENTERED, … */
  action: string;
  entityType?: string;
  entityId?: string;
  /** Never secrets or message bodies. */
  details?: Record<string, unknown>;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** Several entries in one statement. */
  recordAll(entries: AuditEntry[]): Promise<void>;
}
