import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { LiveLoginCode, LoginCodeRepository, NewLoginCode } from '../domain/LoginCodeRepository';
import { LOGIN_CODE_MAX_ATTEMPTS } from '../domain/signInRules';

@injectable()
export class KnexLoginCodeRepository implements LoginCodeRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async countIssuedSince(tenantId: string, phone: string, since: Date): Promise<number> {
    const row = await this.db
      .q('login_codes')
      .where({ tenant_id: tenantId, phone })
      .where('created_at', '>', since)
      .count<{ count: string }>('* as count')
      .first();
    return Number(row?.count ?? 0);
  }

  async add(code: NewLoginCode): Promise<void> {
    await this.db.q('login_codes').insert({
      tenant_id: code.tenantId,
      user_id: code.userId,
      phone: code.phone,
      code_hash: code.codeHash,
      created_at: code.createdAt,
      expires_at: code.expiresAt,
    });
  }

  async findLive(phone: string, now: Date, tenantId?: string): Promise<LiveLoginCode[]> {
    const query = this.db
      .q('login_codes')
      .where({ phone })
      .whereNull('consumed_at')
      .where('expires_at', '>', now)
      .where('attempts', '<', LOGIN_CODE_MAX_ATTEMPTS)
      .select('id', 'tenant_id', 'user_id', 'code_hash');
    if (tenantId) query.where({ tenant_id: tenantId });
    const rows: Array<{ id: string; tenant_id: string; user_id: string; code_hash: string }> = await query;
    return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, userId: r.user_id, codeHash: r.code_hash }));
  }

  async consume(id: string, now: Date): Promise<boolean> {
    const updated = await this.db
      .q('login_codes')
      .where({ id })
      .whereNull('consumed_at')
      .where('attempts', '<', LOGIN_CODE_MAX_ATTEMPTS)
      .update({ consumed_at: now });
    return updated === 1;
  }

  async countFailedAttempt(ids: string[]): Promise<void> {
    if (ids.length) await this.db.q('login_codes').whereIn('id', ids).increment('attempts', 1);
  }
}
