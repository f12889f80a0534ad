import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { Contact, ContactChanges, ContactRepository, SeenContact } from '../domain/Contact';
import type { CustomerLanguage } from '../domain/detectLanguage';

export interface ContactRow {
  tenant_id: string;
  phone: string;
  name: string | null;
  language: CustomerLanguage | null;
  language_source: Contact['languageSource'] | null;
  tags: string[];
  notes: string | null;
  last_seen_at: Date | null;
  created_at: Date;
}

export const toContact = (r: ContactRow): Contact => ({
  tenantId: r.tenant_id,
  phone: r.phone,
  name: r.name ?? undefined,
  language: r.language ?? undefined,
  languageSource: r.language_source ?? undefined,
  tags: r.tags,
  notes: r.notes ?? undefined,
  lastSeenAt: r.last_seen_at ?? undefined,
  createdAt: r.created_at,
});

@injectable()
export class KnexContactRepository implements ContactRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async touch(tenantId: string, seen: SeenContact[]): Promise<Map<string, CustomerLanguage | undefined>> {
    if (!seen.length) return new Map();
    const { rows } = await this.db.q.raw<{
      rows: Array<{ phone: string; language: CustomerLanguage | null }>;
    }>(
      `INSERT INTO contacts AS c (tenant_id, phone, name, language, language_source, last_seen_at)
       SELECT ?, s.phone, s.name, s.language, CASE WHEN s.language IS NULL THEN NULL ELSE 'detected' END, s.at
         FROM jsonb_to_recordset(?::jsonb) AS s(phone text, name text, language text, at timestamptz)
        ORDER BY s.phone
       ON CONFLICT (tenant_id, phone) DO UPDATE SET
         name = COALESCE(EXCLUDED.name, c.name),
         language = CASE WHEN c.language_source = 'staff' THEN c.language
                         ELSE COALESCE(EXCLUDED.language, c.language) END,
         language_source = CASE WHEN c.language_source = 'staff' THEN 'staff'
                                ELSE COALESCE(EXCLUDED.language_source, c.language_source) END,
         last_seen_at = GREATEST(c.last_seen_at, EXCLUDED.last_seen_at),
         updated_at = now()
       RETURNING phone, language`,
      [tenantId, JSON.stringify(seen.map((s) => ({ ...s, at: s.at.toISOString() })))],
    );
    return new Map(rows.map((r) => [r.phone, r.language ?? undefined]));
  }

  async find(tenantId: string, phone: string): Promise<Contact | undefined> {
    const row = await this.db.q<ContactRow>('contacts').where({ tenant_id: tenantId, phone }).first();
    return row && toContact(row);
  }

  async languages(tenantId: string, phones: readonly string[]): Promise<Map<string, CustomerLanguage>> {
    if (!phones.length) return new Map();
    const rows = (await this.db
      .q('contacts')
      .where({ tenant_id: tenantId })
      .whereIn('phone', [...new Set(phones)])
      .whereNotNull('language')
      .select('phone', 'language')) as Array<{ phone: string; language: CustomerLanguage }>;
    return new Map(rows.map((r) => [r.phone, r.language]));
  }

  async update(tenantId: string, phone: string, changes: ContactChanges): Promise<Contact> {
    const values = {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.language !== undefined && {
        language: changes.language,
        language_source: changes.language ? 'staff' : null,
      }),
      ...(changes.tags !== undefined && { tags: JSON.stringify(changes.tags) }),
      ...(changes.notes !== undefined && { notes: changes.notes }),
    };
    const [row] = (await this.db
      .q('contacts')
      .insert({ tenant_id: tenantId, phone, ...values })
      .onConflict(['tenant_id', 'phone'])
      .merge({ ...values, updated_at: this.db.knex.fn.now() })
      .returning('*')) as ContactRow[];
    return toContact(row);
  }
}
