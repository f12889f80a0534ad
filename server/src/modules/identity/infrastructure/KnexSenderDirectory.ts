import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import type { User } from '../domain/User';
import { TYPES } from '../../../types';
import type { SenderContext, SenderDirectory } from '../domain/SenderDirectory';
import { toUser, type UserRow } from './KnexUserRepository';

type Row = { default_language: string } & { [K in keyof UserRow]: UserRow[K] | null };

@injectable()
export class KnexSenderDirectory implements SenderDirectory {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async lookup(tenantId: string, phones: string[]): Promise<SenderContext | undefined> {
    const { rows } = await this.db.q.raw<{ rows: Row[] }>(
      `SELECT t.default_language, u.id, u.tenant_id, u.name, u.phone, u.role, u.active, u.created_at
         FROM tenants t
         LEFT JOIN users u ON u.tenant_id = t.id AND u.phone = ANY (ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))
        WHERE t.id = ?`,
      [JSON.stringify(phones), tenantId],
    );
    if (!rows.length) return undefined;
    const users = new Map<string, User>();
    for (const row of rows) if (row.id !== null) users.set(row.phone!, toUser(row as UserRow));
    return { language: rows[0].default_language, users };
  }
}
