import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { SenderContext, SenderDirectory } from '../domain/SenderDirectory';
import { toUser, type UserRow } from './KnexUserRepository';

type Row = { default_language: string } & { [K in keyof UserRow]: UserRow[K] | null };

@injectable()
export class KnexSenderDirectory implements SenderDirectory {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async lookup(tenantId: string, phone: string): Promise<SenderContext | undefined> {
    const { rows } = await this.db.q.raw<{ rows: Row[] }>(
      `SELECT t.default_language, u.id, u.tenant_id, u.name, u.phone, u.role, u.active, u.created_at
         FROM tenants t LEFT JOIN users u ON u.tenant_id = t.id AND u.phone = ?
        WHERE t.id = ?`,
      [phone, tenantId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { language: row.default_language, user: row.id === null ? undefined : toUser(row as UserRow) };
  }
}
