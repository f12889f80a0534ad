import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { EventRetention } from '../domain/EventRetention';

@injectable()
export class KnexEventRetention implements EventRetention {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async deleteOlderThan(cutoff: Date, limit: number): Promise<number> {
    const { rowCount } = await this.db.q.raw(
      `DELETE FROM events WHERE (tenant_id, id) IN (
         SELECT e.tenant_id, e.id FROM events e
          WHERE e.occurred_at < ?
            AND NOT EXISTS (SELECT 1 FROM webhook_subscriptions s
                             WHERE s.tenant_id = e.tenant_id AND s.status = 'active'
                               AND s.last_event_id < e.id AND e.type = ANY (s.events))
          LIMIT ?)`,
      [cutoff, limit],
    );
    return Number(rowCount ?? 0);
  }
}
