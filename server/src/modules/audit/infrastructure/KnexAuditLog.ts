import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { AuditEntry, AuditLog } from '../domain/AuditLog';

@injectable()
export class KnexAuditLog implements AuditLog {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.recordAll([entry]);
  }

  async recordAll(entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.db.q('whatsapp_audit_logs').insert(
      entries.map((e) => ({
        tenant_id: e.tenantId,
        actor: e.actor,
        action: e.action,
        entity_type: e.entityType ?? null,
        entity_id: e.entityId ?? null,
        details: JSON.stringify(e.details ?? {}),
      })),
    );
  }
}
