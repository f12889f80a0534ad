import type { Quote, QuoteStatus } from './Quote';

export interface NewQuote {
  tenantId: string;
  ref: string;
  leadId: string;
  amount: string;
  currency: string;
  description: string;
  status: QuoteStatus;
  createdBy?: string;
  sentAt?: Date;
}

export interface QuoteRepository {
  create(quote: NewQuote): Promise<Quote>;
  /** By uuid or by ref (`Q-12`); `forUpdate` locks the row until the unit of work ends. */
  findById(tenantId: string, idOrRef: string, options?: { forUpdate?: boolean }): Promise<Quote | undefined>;
  save(quote: Quote): Promise<void>;
}
