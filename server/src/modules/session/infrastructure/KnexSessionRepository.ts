import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { User } from '../../identity/domain/User';
import { toUser, type UserRow } from '../../identity/infrastructure/KnexUserRepository';
import type {
  ConsoleSession,
  NewConsoleSession,
  SessionRepository,
  SignInMethod,
} from '../domain/ConsoleSession';

export interface SessionRow {
  id: string;
  tenant_id: string;
  user_id: string;
  method: string;
  user_agent: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

export const toSession = (r: SessionRow): ConsoleSession => ({
  id: r.id,
  tenantId: r.tenant_id,
  userId: r.user_id,
  method: r.method as SignInMethod,
  ...(r.user_agent ? { userAgent: r.user_agent } : {}),
  createdAt: r.created_at,
  lastSeenAt: r.last_seen_at,
  expiresAt: r.expires_at,
  ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
});

const SESSION_COLUMNS = [
  's.id',
  's.tenant_id',
  's.user_id',
  's.method',
  's.user_agent',
  's.created_at',
  's.last_seen_at',
  's.expires_at',
  's.revoked_at',
];

@injectable()
export class KnexSessionRepository implements SessionRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(s: NewConsoleSession): Promise<ConsoleSession> {
    const [row]: SessionRow[] = await this.db
      .q('console_sessions')
      .insert({
        tenant_id: s.tenantId,
        user_id: s.userId,
        token_hash: s.tokenHash,
        method: s.method,
        api_key_id: s.apiKeyId ?? null,
        user_agent: s.userAgent ?? null,
        created_at: s.createdAt,
        last_seen_at: s.createdAt,
        expires_at: s.expiresAt,
      })
      .returning('*');
    return toSession(row);
  }

  async findLive(tokenHash: string, now: Date): Promise<{ session: ConsoleSession; user: User } | undefined> {
    const row = await this.db
      .q('console_sessions as s')
      .join('users as u', function () {
        this.on('u.id', 's.user_id').andOn('u.tenant_id', 's.tenant_id');
      })
      .leftJoin('api_keys as k', 'k.id', 's.api_key_id')
      .where({ 's.token_hash': tokenHash, 'u.active': true })
      .whereNull('s.revoked_at')
      .where('s.expires_at', '>', now)
      .where((q) => q.whereNull('s.api_key_id').orWhereNull('k.revoked_at'))
      .first(
        ...SESSION_COLUMNS,
        'u.name as user_name',
        'u.phone as user_phone',
        'u.role as user_role',
        'u.active as user_active',
        'u.created_at as user_created_at',
      );
    if (!row) return undefined;
    const user: UserRow = {
      id: row.user_id,
      tenant_id: row.tenant_id,
      name: row.user_name,
      phone: row.user_phone,
      role: row.user_role,
      active: row.user_active,
      created_at: row.user_created_at,
    };
    return { session: toSession(row as SessionRow), user: toUser(user) };
  }

  async touch(id: string, now: Date, expiresAt: Date): Promise<void> {
    await this.db.q('console_sessions').where({ id }).update({ last_seen_at: now, expires_at: expiresAt });
  }

  async findById(tenantId: string, id: string): Promise<ConsoleSession | undefined> {
    const row: SessionRow | undefined = await this.db
      .q('console_sessions as s')
      .where({ 's.tenant_id': tenantId, 's.id': id })
      .first(...SESSION_COLUMNS);
    return row && toSession(row);
  }

  async revoke(tenantId: string, id: string, now: Date): Promise<boolean> {
    const updated = await this.db
      .q('console_sessions')
      .where({ tenant_id: tenantId, id })
      .whereNull('revoked_at')
      .update({ revoked_at: now });
    return updated === 1;
  }
}
