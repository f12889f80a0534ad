import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Consent, OptInRepository, OptInStatus } from '../domain/OptIn';

/**
 * The source of a row made by a 131050 for a phone we had no record of: it remembers the marketing
 * stop but is no consent (such a phone is not eligible for broadcasts) until the customer writes.
 */
const MARKETING_STOP_ONLY = 'provider_131050';

@injectable()
export class KnexOptInRepository implements OptInRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async set(tenantId: string, phone: string, status: OptInStatus, source: string): Promise<void> {
    await this.db
      .q('whatsapp_opt_ins')
      .insert({ tenant_id: tenantId, phone, status, source })
      .onConflict(['tenant_id', 'phone'])
      .merge({ status, source, updated_at: this.db.knex.fn.now() });
  }

  async statusOf(tenantId: string, phone: string): Promise<OptInStatus | undefined> {
    const row = await this.db.q('whatsapp_opt_ins').where({ tenant_id: tenantId, phone }).first('status');
    return (row as { status: OptInStatus } | undefined)?.status;
  }

  async consentOf(tenantId: string, phones: string[]): Promise<Map<string, Consent>> {
    const consents = new Map<string, Consent>();
    for (let i = 0; i < phones.length; i += 1000) {
      const rows: Array<{ phone: string; status: OptInStatus; marketing_opted_out_at: Date | null }> =
        await this.db
          .q('whatsapp_opt_ins')
          .where({ tenant_id: tenantId })
          .whereNot({ source: MARKETING_STOP_ONLY })
          .whereIn('phone', phones.slice(i, i + 1000))
          .select('phone', 'status', 'marketing_opted_out_at');
      for (const r of rows)
        consents.set(r.phone, { status: r.status, marketingOptedOut: r.marketing_opted_out_at !== null });
    }
    return consents;
  }

  // One round trip: each new row's status, or (when it existed) the stored one. Both SELECTs see
  // the statement's snapshot; only a row a concurrent first contact committed meanwhile is seen by
  // neither, and that one is opted_in.
  async recordFirstContact(tenantId: string, phones: string[]): Promise<Map<string, OptInStatus>> {
    const statuses = new Map<string, OptInStatus>(phones.map((phone) => [phone, 'opted_in']));
    if (!phones.length) return statuses;
    const phoneList = JSON.stringify([...statuses.keys()].sort());
    const { rows } = await this.db.q.raw<{
      rows: Array<{ phone: string; status: OptInStatus; source: string }>;
    }>(
      `WITH inserted AS (
         INSERT INTO whatsapp_opt_ins (tenant_id, phone, status, source)
         SELECT ?, phone, 'opted_in', 'inbound_message' FROM jsonb_array_elements_text(?::jsonb) AS p(phone)
         ON CONFLICT (tenant_id, phone) DO NOTHING RETURNING phone, status, source)
       SELECT phone, status, source FROM inserted
       UNION ALL SELECT phone, status, source FROM whatsapp_opt_ins
        WHERE tenant_id = ? AND phone = ANY (ARRAY(SELECT jsonb_array_elements_text(?::jsonb)))`,
      [tenantId, phoneList, tenantId, phoneList],
    );
    for (const r of rows) statuses.set(r.phone, r.status);
    // Rare: a phone we knew only from a 131050 wrote to us; from now on that is consent.
    const firstWords = rows.filter((r) => r.source === MARKETING_STOP_ONLY).map((r) => r.phone);
    if (firstWords.length)
      await this.db
        .q('whatsapp_opt_ins')
        .where({ tenant_id: tenantId, source: MARKETING_STOP_ONLY })
        .whereIn('phone', firstWords)
        .update({ source: 'inbound_message', updated_at: this.db.knex.fn.now() });
    return statuses;
  }

  async recordMarketingOptOut(tenantId: string, phone: string): Promise<void> {
    await this.db
      .q('whatsapp_opt_ins')
      .insert({
        tenant_id: tenantId,
        phone,
        status: 'opted_in',
        source: MARKETING_STOP_ONLY,
        marketing_opted_out_at: this.db.knex.fn.now(),
      })
      .onConflict(['tenant_id', 'phone'])
      .merge({ marketing_opted_out_at: this.db.knex.fn.now(), updated_at: this.db.knex.fn.now() });
  }

  async recordMarketingOptIn(tenantId: string, phone: string): Promise<void> {
    // A row that only remembered the stop has nothing left to remember.
    await this.db
      .q('whatsapp_opt_ins')
      .where({ tenant_id: tenantId, phone, source: MARKETING_STOP_ONLY })
      .delete();
    await this.db
      .q('whatsapp_opt_ins')
      .where({ tenant_id: tenantId, phone })
      .whereNotNull('marketing_opted_out_at')
      .update({ marketing_opted_out_at: null, updated_at: this.db.knex.fn.now() });
  }
}
