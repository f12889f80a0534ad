import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';

/** whatsapp_recipient_pacing: one GCRA timestamp per (tenant, recipient); see recipientPacing.ts. */
@injectable()
export class RecipientPacingStore {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async load(tenantId: string, recipients: string[]): Promise<Map<string, Date>> {
    if (!recipients.length) return new Map();
    const rows = (await this.db
      .q('whatsapp_recipient_pacing')
      .where({ tenant_id: tenantId })
      .whereIn('recipient', recipients)
      .select('recipient', 'tat')) as Array<{ recipient: string; tat: Date }>;
    return new Map(rows.map((r) => [r.recipient, new Date(r.tat)]));
  }

  async save(tenantId: string, tats: Map<string, Date>): Promise<void> {
    if (!tats.size) return;
    await this.db
      .q('whatsapp_recipient_pacing')
      .insert([...tats].map(([recipient, tat]) => ({ tenant_id: tenantId, recipient, tat })))
      .onConflict(['tenant_id', 'recipient'])
      .merge(['tat']);
  }

  /** Housekeeping: a time in the past paces nothing. */
  async deleteBefore(before: Date): Promise<number> {
    return Number(await this.db.q('whatsapp_recipient_pacing').where('tat', '<', before).delete());
  }
}
