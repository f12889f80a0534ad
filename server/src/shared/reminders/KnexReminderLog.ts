import { inject, injectable } from 'inversify';
import type { Database } from '../db/Database';
import { TYPES } from '../../types';
import type { ReminderLog, ReminderSlot } from './ReminderLog';

interface Row {
  tenant_id: string;
  kind: ReminderSlot['kind'];
  subject_id: string;
  slot: string;
  recipient: string;
}

@injectable()
export class KnexReminderLog implements ReminderLog {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async claim(slots: ReminderSlot[]): Promise<ReminderSlot[]> {
    if (!slots.length) return [];
    const rows: Row[] = await this.db
      .q('sent_reminders')
      .insert(
        slots.map((s) => ({
          tenant_id: s.tenantId,
          kind: s.kind,
          subject_id: s.subjectId,
          slot: s.slot,
          recipient: s.recipient,
        })),
      )
      .onConflict(['tenant_id', 'kind', 'subject_id', 'slot', 'recipient'])
      .ignore()
      .returning(['tenant_id', 'kind', 'subject_id', 'slot', 'recipient']);
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      kind: r.kind,
      subjectId: r.subject_id,
      slot: r.slot,
      recipient: r.recipient,
    }));
  }

  async sentSlots(tenantId: string, kind: ReminderSlot['kind'], subjectId: string): Promise<string[]> {
    return this.db
      .q('sent_reminders')
      .where({ tenant_id: tenantId, kind, subject_id: subjectId })
      .distinct('slot')
      .pluck('slot');
  }
}
