import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import { idOrRef } from '../../lead/infrastructure/idOrRef';
import { fromCents, toCents } from '../domain/Money';
import { Quote, type QuoteStatus } from '../domain/Quote';
import type { NewQuote, QuoteRepository } from '../domain/QuoteRepository';

export interface QuoteRow {
  id: string;
  tenant_id: string;
  ref: string;
  lead_id: string;
  amount: string | number;
  currency: string;
  description: string;
  status: QuoteStatus;
  created_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
}

export const toQuote = (r: QuoteRow): Quote =>
  new Quote({
    id: r.id,
    tenantId: r.tenant_id,
    ref: r.ref,
    leadId: r.lead_id,
    amount: fromCents(toCents(r.amount)),
    currency: r.currency,
    description: r.description,
    status: r.status,
    createdBy: r.created_by ?? undefined,
    approvedBy: r.approved_by ?? undefined,
    approvedAt: r.approved_at ?? undefined,
    sentAt: r.sent_at ?? undefined,
    createdAt: r.created_at,
  });

@injectable()
export class KnexQuoteRepository implements QuoteRepository {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async create(q: NewQuote): Promise<Quote> {
    const [row] = await this.db
      .q<QuoteRow>('quotes')
      .insert({
        tenant_id: q.tenantId,
        ref: q.ref,
        lead_id: q.leadId,
        amount: q.amount,
        currency: q.currency,
        description: q.description,
        status: q.status,
        created_by: q.createdBy ?? null,
        sent_at: q.sentAt ?? null,
      })
      .returning('*');
    return toQuote(row as QuoteRow);
  }

  async findById(
    tenantId: string,
    idOrRefText: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Quote | undefined> {
    const key = idOrRef('Q', idOrRefText);
    if (!key) return undefined;
    const query = this.db.q<QuoteRow>('quotes').where({ tenant_id: tenantId, ...key });
    const row = await (options.forUpdate ? query.forUpdate() : query).first();
    return row && toQuote(row as QuoteRow);
  }

  async save(quote: Quote): Promise<void> {
    await this.db
      .q('quotes')
      .where({ tenant_id: quote.tenantId, id: quote.id })
      .update({
        status: quote.status,
        approved_by: quote.approvedBy ?? null,
        approved_at: quote.approvedAt ?? null,
        sent_at: quote.sentAt ?? null,
        updated_at: this.db.knex.fn.now(),
      });
  }
}
