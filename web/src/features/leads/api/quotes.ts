import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type ItemOf } from '../../../lib/api/client';
import { usePagedQuery } from '../../../lib/usePagedQuery';

type TimelineEntry = ItemOf<'/timeline'>;

/** A quote of a lead as its timeline tells it (QUOTE_CREATED, QUOTE_SENT, QUOTE_APPROVED). */
export interface LeadQuote {
  ref: string;
  amount: string;
  currency: string;
  status: 'pending_approval' | 'sent';
  at: string;
}

const ACTIONS = ['QUOTE_CREATED', 'QUOTE_SENT', 'QUOTE_APPROVED'];

/** The newest word on each quote: the timeline is newest first. */
export function quotesOf(entries: TimelineEntry[]): LeadQuote[] {
  const quotes = new Map<string, LeadQuote>();
  for (const { content, createdAt } of entries) {
    const { action, quoteRef, amount, currency } = content as Record<string, unknown>;
    if (typeof action !== 'string' || !ACTIONS.includes(action) || typeof quoteRef !== 'string') continue;
    if (quotes.has(quoteRef)) continue;
    quotes.set(quoteRef, {
      ref: quoteRef,
      amount: String(amount),
      currency: String(currency),
      status: action === 'QUOTE_CREATED' ? 'pending_approval' : 'sent',
      at: createdAt,
    });
  }
  return [...quotes.values()];
}

export function useLeadQuotes(leadId: string) {
  const timeline = usePagedQuery(['timeline', 'lead', leadId], (cursor) =>
    unwrap(
      api.GET('/timeline', {
        params: { query: { entityType: 'lead', entityId: leadId, cursor, limit: 100 } },
      }),
    ),
  );
  return { ...timeline, quotes: timeline.rows && quotesOf(timeline.rows) };
}

/** A manager approves a quote over the threshold: it is sent to the customer. */
export function useApproveQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ref: string) => unwrap(api.POST('/quotes/{id}/approve', { params: { path: { id: ref } } })),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: ['timeline', 'lead'] }),
        client.invalidateQueries({ queryKey: ['leads'] }),
      ]),
  });
}
