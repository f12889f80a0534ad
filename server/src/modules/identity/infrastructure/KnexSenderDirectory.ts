import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import type { User } from '../domain/User';
import { TYPES } from '../../../types';
import type { SenderContext, SenderDirectory } from '../domain/SenderDirectory';
import { toUser, type UserRow } from './KnexUserRepository';
import { rememberStaffNumbers } from './staffNumbers';
import {
  rememberTenantSettings,
  TENANT_SETTINGS_COLUMNS,
  TENANT_SETTINGS_FROM,
  type TenantSettingsRow,
} from './tenantSettingsRow';

type Row = TenantSettingsRow & { [K in keyof UserRow]: UserRow[K] | null };

/**
 * One statement per batch of inbound messages: the senders that are users, and the tenant's
 * settings, which the rest of the batch's transaction then reads from memory (tenantSettingsRow).
 */
@injectable()
export class KnexSenderDirectory implements SenderDirectory {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async lookup(tenantId: string, phones: string[]): Promise<SenderContext | undefined> {
    const { rows } = await this.db.q.raw<{ rows: Row[] }>(
      `SELECT ${TENANT_SETTINGS_COLUMNS}, u.id, u.tenant_id, u.name, u.phone, u.role, u.active, u.created_at
         FROM ${TENANT_SETTINGS_FROM}
         LEFT JOIN users u ON u.tenant_id = t.id AND u.phone = ANY (ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))
        WHERE t.id = ?`,
      [JSON.stringify(phones), tenantId],
    );
    rememberTenantSettings(this.db, tenantId, rows[0]);
    if (!rows.length) return undefined;
    const users = new Map<string, User>();
    for (const row of rows) if (row.id !== null) users.set(row.phone!, toUser(row as UserRow));
    await rememberStaffNumbers(this.db, tenantId, phones, new Set(users.keys()));
    return { language: rows[0].default_language, users };
  }
}
