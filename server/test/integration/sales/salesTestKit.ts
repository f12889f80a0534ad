import { bookingModule } from '../../../src/modules/booking/bookingModule';
import { leadModule } from '../../../src/modules/lead/leadModule';
import { TYPES } from '../../../src/types';
import { testDb } from '../../support/integrationHooks';
import { refsHandedOut } from '../../support/refsHandedOut';
import { testContainer } from '../../support/testContainer';

export const PAYMENT_BASE = 'https://pay.example.test/p';

/** The real container plus the sales modules (until container.ts loads them itself). */
export function salesContext() {
  const context = testContainer({ PAYMENT_LINK_BASE_URL: PAYMENT_BASE });
  if (!context.container.isBound(TYPES.LeadRepository)) context.container.loadSync(leadModule, bookingModule);
  return { ...context, get: <T>(id: symbol): T => context.container.get<T>(id) };
}

export interface QueuedMessage {
  to: string;
  purpose: string;
  text?: string;
  template?: { name: string; language: string; params: string[] };
}

/** Outbound messages queued to that phone, oldest first. */
export async function queuedTo(phone: string): Promise<QueuedMessage[]> {
  const rows = await testDb()
    .knex('whatsapp_messages')
    .where({ direction: 'OUTBOUND', customer_phone: phone })
    .orderBy('created_at');
  return rows.map((r: { customer_phone: string; content: Omit<QueuedMessage, 'to'> }) => ({
    to: r.customer_phone,
    ...r.content,
  }));
}

export async function count(table: string, where: Record<string, unknown> = {}): Promise<number> {
  const row = await testDb().knex(table).where(where).count<{ n: string | number }>('* as n').first();
  return Number(row?.n ?? 0);
}

export async function timelineActions(entityId: string): Promise<string[]> {
  const rows = await testDb().knex('timeline_entries').where({ entity_id: entityId }).orderBy('created_at');
  return rows.map((r: { content: { action?: string } }) => r.content.action ?? '');
}

/** Every table a sales use case may write, to prove a refusal wrote nothing. */
export async function businessSnapshot(): Promise<Record<string, unknown>> {
  const tables = ['leads', 'quotes', 'bookings', 'payments', 'timeline_entries', 'whatsapp_messages'];
  const counts = await Promise.all(tables.map(async (t) => [t, await count(t)] as const));
  const states = await testDb().knex.raw(
    `SELECT (SELECT json_agg(status ORDER BY ref) FROM leads) AS leads,
            (SELECT json_agg(status ORDER BY ref) FROM quotes) AS quotes,
            (SELECT json_agg(status ORDER BY ref) FROM bookings) AS bookings,
            (SELECT COUNT(*)::int FROM whatsapp_audit_logs) AS audit`,
  );
  return { ...Object.fromEntries(counts), ...states.rows[0], refs: await refsHandedOut() };
}
