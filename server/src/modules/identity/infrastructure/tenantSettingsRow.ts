import type { Database } from '../../../shared/db/Database';

/**
 * The tenant's settings that handling a message reads — its language, time zone, plan and prices
 * (`tenants`) and its auto-responder (`auto_responder_settings`) — as one row, read once per
 * transaction: the sender lookup, the auto-responder and the usage count of one batch of inbound
 * messages share one statement. Every write to these columns calls `forgetTenantSettings`.
 */
export interface TenantSettingsRow {
  default_language: string;
  timezone: string;
  plan: string;
  plan_overrides: unknown;
  prices: unknown;
  auto_responder: unknown;
}

/** The row's columns, for a statement that reads `TENANT_SETTINGS_FROM` with more (the sender lookup). */
export const TENANT_SETTINGS_COLUMNS = `t.default_language, t.timezone, t.plan, t.plan_overrides,
  t.settings->'pricePerCategory' AS prices, s.settings AS auto_responder`;
export const TENANT_SETTINGS_FROM = `tenants t LEFT JOIN auto_responder_settings s ON s.tenant_id = t.id`;

const keyOf = (tenantId: string) => `tenant-settings:${tenantId}`;

/** Undefined when the tenant does not exist. */
export function tenantSettings(db: Database, tenantId: string): Promise<TenantSettingsRow | undefined> {
  return db.once(keyOf(tenantId), async () => {
    const { rows } = await db.q.raw<{ rows: TenantSettingsRow[] }>(
      `SELECT ${TENANT_SETTINGS_COLUMNS} FROM ${TENANT_SETTINGS_FROM} WHERE t.id = ?`,
      [tenantId],
    );
    return rows[0];
  });
}

/** A statement that read the row with more keeps it for the rest of the transaction. */
export function rememberTenantSettings(
  db: Database,
  tenantId: string,
  row: TenantSettingsRow | undefined,
): void {
  db.remember(
    keyOf(tenantId),
    row && {
      default_language: row.default_language,
      timezone: row.timezone,
      plan: row.plan,
      plan_overrides: row.plan_overrides,
      prices: row.prices,
      auto_responder: row.auto_responder,
    },
  );
}

export function forgetTenantSettings(db: Database, tenantId: string): void {
  db.forget(keyOf(tenantId));
}
