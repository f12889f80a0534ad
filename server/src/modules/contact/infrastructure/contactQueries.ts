import { containsPattern } from '../../../shared/db/containsPattern';
import type { Database } from '../../../shared/db/Database';
import { keysetPage, type Page, type PageRequest } from '../../../shared/db/keysetPage';
import type { Contact } from '../domain/Contact';
import { toContact, type ContactRow } from './KnexContactRepository';

export interface ContactView extends Contact {
  optIn?: string;
  counts: { conversations: number; leads: number; bookings: number };
}

type Row = ContactRow & { opt_in: string | null; conversations: number; leads: number; bookings: number };

const COLUMNS = `ct.*,
  (SELECT o.status FROM whatsapp_opt_ins o WHERE o.tenant_id = ct.tenant_id AND o.phone = ct.phone) AS opt_in,
  (SELECT count(*) FROM whatsapp_conversations v WHERE v.tenant_id = ct.tenant_id AND v.customer_phone = ct.phone)::int AS conversations,
  (SELECT count(*) FROM leads l WHERE l.tenant_id = ct.tenant_id AND l.customer_phone = ct.phone)::int AS leads,
  (SELECT count(*) FROM bookings b WHERE b.tenant_id = ct.tenant_id AND b.customer_phone = ct.phone)::int AS bookings`;

const toView = (r: Row): ContactView => ({
  ...toContact(r),
  optIn: r.opt_in ?? undefined,
  counts: { conversations: r.conversations, leads: r.leads, bookings: r.bookings },
});

/** `GET /contacts?q=`: newest first; `q` matches name or phone anywhere (trigram index). */
export async function listContacts(
  db: Database,
  tenantId: string,
  q: string | undefined,
  page: PageRequest,
): Promise<Page<ContactView>> {
  const query = db.q('contacts as ct').where('ct.tenant_id', tenantId).select(db.knex.raw(COLUMNS));
  if (q) query.whereRaw(`(COALESCE(ct.name, '') || ' ' || ct.phone) ILIKE ?`, [containsPattern(q)]);
  const { rows, nextCursor } = await keysetPage<Row>(db, query, page, {
    at: 'ct.created_at',
    id: 'ct.phone',
    textKey: true,
  });
  return { data: rows.map(toView), nextCursor };
}

export async function findContact(
  db: Database,
  tenantId: string,
  phone: string,
): Promise<ContactView | undefined> {
  const row = (await db
    .q('contacts as ct')
    .where({ 'ct.tenant_id': tenantId, 'ct.phone': phone })
    .first(db.knex.raw(COLUMNS))) as Row | undefined;
  return row && toView(row);
}
