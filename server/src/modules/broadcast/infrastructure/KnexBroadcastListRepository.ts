import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { isUuid } from '../../lead/domain/isUuid';
import type { BroadcastList, BroadcastListRepository, ListMember } from '../domain/BroadcastList';

const CHUNK = 1000;

interface ListRow {
  id: string;
  tenant_id: string;
  name: string;
  created_at: Date;
  member_count: string | number;
}

const toList = (r: ListRow): BroadcastList => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  memberCount: Number(r.member_count),
  createdAt: r.created_at,
});

@injectable()
export class KnexBroadcastListRepository implements BroadcastListRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  private lists(tenantId: string) {
    const members = this.db.q('whatsapp_broadcast_list_members as m').whereRaw('m.list_id = l.id').count('*');
    return this.db
      .q('whatsapp_broadcast_lists as l')
      .where('l.tenant_id', tenantId)
      .select('l.id', 'l.tenant_id', 'l.name', 'l.created_at', members.as('member_count'));
  }

  async create(tenantId: string, name: string): Promise<BroadcastList | undefined> {
    const [row] = await this.db
      .q('whatsapp_broadcast_lists')
      .insert({ tenant_id: tenantId, name })
      .onConflict(['tenant_id', 'name'])
      .ignore()
      .returning(['id', 'tenant_id', 'name', 'created_at']);
    return row && toList({ ...(row as ListRow), member_count: 0 });
  }

  async findById(tenantId: string, id: string): Promise<BroadcastList | undefined> {
    if (!isUuid(id)) return undefined;
    const row = await this.lists(tenantId).andWhere('l.id', id).first();
    return row && toList(row as ListRow);
  }

  async list(tenantId: string, page: { limit: number; after?: string }): Promise<BroadcastList[]> {
    const query = this.lists(tenantId)
      .orderBy([{ column: 'l.name' }, { column: 'l.id' }])
      .limit(page.limit);
    const after = page.after && (await this.findById(tenantId, page.after));
    if (after) query.andWhereRaw('(l.name, l.id) > (?, ?)', [after.name, after.id]);
    return ((await query) as ListRow[]).map(toList);
  }

  async addMembers(tenantId: string, listId: string, members: ListMember[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < members.length; i += CHUNK) {
      const rows = await this.db
        .q('whatsapp_broadcast_list_members')
        .insert(
          members
            .slice(i, i + CHUNK)
            .map((m) => ({ tenant_id: tenantId, list_id: listId, phone: m.phone, name: m.name ?? null })),
        )
        .onConflict(['list_id', 'phone'])
        .ignore()
        .returning('phone');
      added += rows.length;
    }
    return added;
  }

  async memberPhones(tenantId: string, listId: string): Promise<string[]> {
    const rows: Array<{ phone: string }> = await this.db
      .q('whatsapp_broadcast_list_members')
      .where({ tenant_id: tenantId, list_id: listId })
      .orderBy('phone')
      .select('phone');
    return rows.map((r) => r.phone);
  }
}
