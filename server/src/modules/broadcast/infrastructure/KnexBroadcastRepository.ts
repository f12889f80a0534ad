import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { isUuid } from '../../lead/domain/isUuid';
import type {
  BroadcastRecipient,
  BroadcastRecord,
  BroadcastRepository,
  NewBroadcast,
  RecipientGroup,
  RecipientRow,
  RecipientStatus,
} from '../domain/Broadcast';
import type { ButtonParam, HeaderParam } from '../../template/domain/templateSendParams';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 1000;

interface BroadcastRow {
  id: string;
  tenant_id: string;
  template_name: string;
  template_language: string;
  params: unknown;
  template_header: unknown;
  template_buttons: unknown;
  list_id: string | null;
  trip_id: string | null;
  created_by: string | null;
  created_at: Date;
}

@injectable()
export class KnexBroadcastRepository implements BroadcastRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(b: NewBroadcast): Promise<string> {
    const [row] = await this.db
      .q('whatsapp_broadcasts')
      .insert({
        tenant_id: b.tenantId,
        template_name: b.template.name,
        template_language: b.template.language,
        params: JSON.stringify(b.template.params),
        template_header: b.template.header ? JSON.stringify(b.template.header) : null,
        template_buttons: b.template.buttons?.length ? JSON.stringify(b.template.buttons) : null,
        trip_id: b.tripId ?? null,
        list_id: b.listId ?? null,
        created_by: b.createdBy,
      })
      .returning('id');
    return (row as { id: string }).id;
  }

  async addRecipients(
    tenantId: string,
    broadcastId: string,
    recipients: BroadcastRecipient[],
  ): Promise<void> {
    for (let i = 0; i < recipients.length; i += CHUNK)
      await this.db.q('whatsapp_broadcast_recipients').insert(
        recipients.slice(i, i + CHUNK).map((r) => ({
          tenant_id: tenantId,
          broadcast_id: broadcastId,
          phone: r.phone,
          status: r.status,
          message_id: r.messageId ?? null,
        })),
      );
  }

  async findById(tenantId: string, id: string): Promise<BroadcastRecord | undefined> {
    if (!isUuid(id)) return undefined;
    const r = (await this.db.q('whatsapp_broadcasts').where({ tenant_id: tenantId, id }).first()) as
      BroadcastRow | undefined;
    if (!r) return undefined;
    return {
      id: r.id,
      tenantId: r.tenant_id,
      template: {
        name: r.template_name,
        language: r.template_language,
        params: json(r.params) as string[],
        ...(r.template_header ? { header: json(r.template_header) as HeaderParam } : {}),
        ...(r.template_buttons ? { buttons: json(r.template_buttons) as ButtonParam[] } : {}),
      },
      listId: r.list_id ?? undefined,
      tripId: r.trip_id ?? undefined,
      createdBy: r.created_by ?? undefined,
      createdAt: r.created_at,
    };
  }

  async recipients(
    tenantId: string,
    broadcastId: string,
    page: { limit: number; after?: string },
  ): Promise<RecipientRow[]> {
    const query = this.recipientsOf(tenantId, broadcastId)
      .orderBy('r.phone')
      .limit(page.limit)
      .select(
        'r.phone',
        'r.status',
        'r.message_id',
        'm.status as message_status',
        'm.error_code',
        'm.error_title',
      );
    if (page.after) query.andWhere('r.phone', '>', page.after);
    const rows = (await query) as Array<{
      phone: string;
      status: RecipientStatus;
      message_id: string | null;
      message_status: string | null;
      error_code: string | null;
      error_title: string | null;
    }>;
    return rows.map((r) => ({
      phone: r.phone,
      status: r.status,
      messageId: r.message_id ?? undefined,
      messageStatus: r.message_status ?? undefined,
      errorCode: r.error_code ?? undefined,
      errorTitle: r.error_title ?? undefined,
    }));
  }

  async recipientGroups(tenantId: string, broadcastId: string): Promise<RecipientGroup[]> {
    return (await recipientGroupsOf(this.db, tenantId, [broadcastId])).get(broadcastId) ?? [];
  }

  private recipientsOf(tenantId: string, broadcastId: string) {
    return this.db
      .q('whatsapp_broadcast_recipients as r')
      .leftJoin('whatsapp_messages as m', 'm.id', 'r.message_id')
      .where({ 'r.tenant_id': tenantId, 'r.broadcast_id': broadcastId });
  }
}

/** Each broadcast's recipients counted once, grouped by decision and message status (one statement). */
export async function recipientGroupsOf(
  db: Database,
  tenantId: string,
  broadcastIds: string[],
): Promise<Map<string, RecipientGroup[]>> {
  const groups = new Map<string, RecipientGroup[]>();
  if (!broadcastIds.length) return groups;
  const rows = (await db
    .q('whatsapp_broadcast_recipients as r')
    .leftJoin('whatsapp_messages as m', 'm.id', 'r.message_id')
    .where('r.tenant_id', tenantId)
    .whereIn('r.broadcast_id', broadcastIds)
    .groupBy('r.broadcast_id', 'r.status', 'm.status')
    .select('r.broadcast_id', 'r.status', 'm.status as message_status')
    .count({ count: '*' })) as Array<{
    broadcast_id: string;
    status: RecipientStatus;
    message_status: string | null;
    count: string | number;
  }>;
  for (const r of rows)
    groups.set(r.broadcast_id, [
      ...(groups.get(r.broadcast_id) ?? []),
      { status: r.status, messageStatus: r.message_status ?? undefined, count: Number(r.count) },
    ]);
  return groups;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
