import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { NewTimelineEntry, TimelineRepository } from '../domain/TimelineEntry';

@injectable()
export class KnexTimelineRepository implements TimelineRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async add(entry: NewTimelineEntry): Promise<string> {
    const [row] = (await this.db.q('timeline_entries').insert(toRow(entry)).returning('id')) as Array<{
      id: string;
    }>;
    return row.id;
  }

  async addAll(entries: NewTimelineEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.db.q('timeline_entries').insert(entries.map(toRow));
  }
}

const toRow = (e: NewTimelineEntry) => ({
  tenant_id: e.tenantId,
  entity_type: e.entityType,
  entity_id: e.entityId,
  event_type: e.eventType,
  source: e.source,
  actor: e.actor ?? null,
  content: JSON.stringify(e.content),
});
