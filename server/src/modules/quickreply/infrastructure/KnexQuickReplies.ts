import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import {
  shortcutTaken,
  type QuickReplies,
  type QuickReply,
  type QuickReplyInput,
} from '../domain/QuickReply';

export interface QuickReplyRow {
  id: string;
  tenant_id: string;
  shortcut: string;
  text: string;
  updated_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const toQuickReply = (r: QuickReplyRow): QuickReply => ({
  id: r.id,
  tenantId: r.tenant_id,
  shortcut: r.shortcut,
  text: r.text,
  updatedBy: r.updated_by ?? undefined,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

@injectable()
export class KnexQuickReplies implements QuickReplies {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(tenantId: string, input: QuickReplyInput, by: string): Promise<QuickReply | undefined> {
    const [row] = (await this.db
      .q('quick_replies')
      .insert({ tenant_id: tenantId, shortcut: input.shortcut, text: input.text, updated_by: by })
      .onConflict(['tenant_id', 'shortcut'])
      .ignore()
      .returning('*')) as QuickReplyRow[];
    return row && toQuickReply(row);
  }

  async update(
    tenantId: string,
    id: string,
    changes: Partial<QuickReplyInput>,
    by: string,
  ): Promise<QuickReply | undefined> {
    try {
      const [row] = (await this.db
        .q('quick_replies')
        .where({ tenant_id: tenantId, id })
        .update({ ...changes, updated_by: by, updated_at: this.db.knex.fn.now() })
        .returning('*')) as QuickReplyRow[];
      return row && toQuickReply(row);
    } catch (error) {
      // A rename to a shortcut the tenant already uses (also two renames at once): the unique index says so.
      if ((error as { code?: string }).code === '23505') throw shortcutTaken(changes.shortcut ?? '');
      throw error;
    }
  }

  async remove(tenantId: string, id: string): Promise<QuickReply | undefined> {
    const [row] = (await this.db
      .q('quick_replies')
      .where({ tenant_id: tenantId, id })
      .delete()
      .returning('*')) as QuickReplyRow[];
    return row && toQuickReply(row);
  }
}
