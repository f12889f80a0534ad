import type { Database } from '../../shared/db/Database';
import { formatTimeline, type TimelineRow } from './printTimeline';

/** Every lead, booking, trip and incident of the day as a timeline, then the messages that went out. */
export async function printDay(
  db: Database,
  tenantId: string,
  names: Map<string, string>,
  out: (line: string) => void,
): Promise<void> {
  const timeline = (type: string, id: string) =>
    db
      .q('timeline_entries')
      .where({ tenant_id: tenantId, entity_type: type, entity_id: id })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select<TimelineRow[]>('created_at', 'event_type', 'source', 'actor', 'content');
  const all = (table: string) =>
    db
      .q(table)
      .where({ tenant_id: tenantId })
      .orderBy([{ column: 'created_at' }, { column: 'id' }]);
  const sections: Array<[string, string, (row: Record<string, string>) => string]> = [
    ['leads', 'lead', (r) => `lead ${r.ref}`],
    ['bookings', 'booking', (r) => `booking ${r.ref}`],
    ['trips', 'trip', (r) => `trip ${r.code}`],
    ['incidents', 'incident', (r) => `incident ${r.ref}`],
  ];
  for (const [table, type, title] of sections)
    for (const row of await all(table))
      formatTimeline(title(row), await timeline(type, row.id), names).forEach((l) => out(l));

  const outbound = await db
    .q('whatsapp_messages')
    .where({ tenant_id: tenantId, direction: 'OUTBOUND' })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select<Array<{ customer_phone: string; content: { text?: string; template?: { name: string } } }>>(
      'customer_phone',
      'content',
    );
  out('');
  out(`── WhatsApp messages sent (console provider: nothing left this machine) ${'─'.repeat(6)}`);
  for (const m of outbound) {
    const text =
      m.content.text ?? (m.content.template ? `[template ${m.content.template.name}]` : '[message]');
    const kind = m.content.template ? `(${m.content.template.name}) ` : '';
    out(
      `  → ${(names.get(m.customer_phone) ?? m.customer_phone).padEnd(20)} ${kind}${text.replace(/\s+/g, ' ')}`,
    );
  }
}
