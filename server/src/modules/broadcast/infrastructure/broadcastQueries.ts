import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import { countProgress, type ProgressCounts } from '../domain/recipientProgress';
import { recipientGroupsOf } from './KnexBroadcastRepository';

/** A sent broadcast as the list shows it: what, to whom, by whom, and how far it got. */
export interface BroadcastSummary {
  id: string;
  template: { name: string; language: string };
  listId: string | null;
  listName: string | null;
  tripId: string | null;
  tripCode: string | null;
  createdBy: string | null;
  createdAt: Date;
  counts: ProgressCounts;
}

interface SummaryRow {
  id: string;
  template_name: string;
  template_language: string;
  list_id: string | null;
  list_name: string | null;
  trip_id: string | null;
  trip_code: string | null;
  created_by: string | null;
  created_at: Date;
}

/** The tenant's broadcasts, newest first, each with its progress counts (one grouped statement per page). */
export async function listBroadcasts(
  db: Database,
  tenantId: string,
  page: PageRequest,
): Promise<Page<BroadcastSummary>> {
  const query = db
    .q('whatsapp_broadcasts as b')
    .leftJoin('whatsapp_broadcast_lists as l', 'l.id', 'b.list_id')
    .leftJoin('trips as t', 't.id', 'b.trip_id')
    .where('b.tenant_id', tenantId)
    .select(
      'b.id',
      'b.template_name',
      'b.template_language',
      'b.list_id',
      'l.name as list_name',
      'b.trip_id',
      't.code as trip_code',
      'b.created_by',
      'b.created_at',
    );
  const { rows, nextCursor } = await keysetPage<SummaryRow>(db, query, page, {
    at: 'b.created_at',
    id: 'b.id',
  });
  const groups = await recipientGroupsOf(
    db,
    tenantId,
    rows.map((r) => r.id),
  );
  return {
    data: rows.map((r) => ({
      id: r.id,
      template: { name: r.template_name, language: r.template_language },
      listId: r.list_id,
      listName: r.list_name,
      tripId: r.trip_id,
      tripCode: r.trip_code,
      createdBy: r.created_by,
      createdAt: r.created_at,
      counts: countProgress(groups.get(r.id) ?? []),
    })),
    nextCursor,
  };
}
