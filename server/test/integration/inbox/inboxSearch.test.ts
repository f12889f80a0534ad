import { expect } from 'chai';
import {
  SEARCH_CANDIDATES,
  SEARCH_WINDOW,
} from '../../../src/modules/conversation/infrastructure/conversationSearch';
import { ApiClient } from '../../support/apiClient';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';

/**
 * `q` takes a rare term's few matches from the trigram indexes, walks the newest conversations for
 * a common one, and falls back to the whole match set when the walk cannot fill a page
 * (conversationSearch). Whichever step answers, the pages must list exactly the matches, newest
 * first, across cursors — checked here on more conversations than the walk reads, with a term for
 * each step, and combined with `unread`.
 */
describe('inbox search across the walk window (SPEC §19)', () => {
  const COUNT = 3_000;
  /** Old conversations only say `hello`: over SEARCH_CANDIDATES of them, 5 in the newest window. */
  const HELLO_UNTIL = COUNT - SEARCH_WINDOW + 10;
  const phone = (i: number) => `+5491170${String(i).padStart(6, '0')}`;
  const nameOf = (i: number) => (i % 5 === 0 ? `Marchetti ${i}` : `Customer ${i}`);
  const textOf = (i: number) =>
    i === 7 ? 'a kayak for two' : i % 2 === 0 ? 'a trip in March?' : i <= HELLO_UNTIL ? 'hello' : 'thanks';
  const unread = (i: number) => i % 4 < 2;
  const newestFirst = Array.from({ length: COUNT }, (_, k) => COUNT - k);

  let api: ApiClient;
  let key: string;

  beforeEach(async () => {
    api = new ApiClient();
    const tenant = await aTenant();
    key = (await aUser(tenant, { role: 'operations' })).apiKey;
    const base = Date.parse('2026-09-01T00:00:00Z');
    const at = (i: number) => new Date(base + i * 1000);
    const numbers = newestFirst.slice().reverse();
    const conversations = (await testDb()
      .knex('whatsapp_conversations')
      .insert(
        numbers.map((i) => ({
          tenant_id: tenant.id,
          customer_phone: phone(i),
          customer_name: nameOf(i),
          created_at: at(i),
          last_message_at: at(i),
          last_inbound_at: at(i),
          expires_at: new Date(base + 86_400_000),
          unread_count: unread(i) ? 1 : 0,
        })),
      )
      .returning(['id', 'customer_phone'])) as Array<{ id: string; customer_phone: string }>;
    await testDb()
      .knex('whatsapp_messages')
      .insert(
        conversations.map((c, k) => ({
          tenant_id: tenant.id,
          conversation_id: c.id,
          provider_message_id: `wamid.search${numbers[k]}`,
          direction: 'INBOUND',
          type: 'text',
          customer_phone: c.customer_phone,
          content: { text: textOf(numbers[k]) },
          status: 'received',
          created_at: at(numbers[k]),
        })),
      );
  });

  /** Every page of the listing for `query`, `limit` at a time: the phones in order. */
  async function allPages(query: Record<string, unknown>, limit: number): Promise<string[]> {
    const phones: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const res = await api.get('/conversations', { key, query: { ...query, limit, cursor } });
      expect(res.status).to.equal(200);
      const body = res.body as { data: Array<{ customerPhone: string }>; nextCursor: string | null };
      phones.push(...body.data.map((c) => c.customerPhone));
      if (!body.nextCursor) return phones;
      cursor = body.nextCursor;
    }
    throw new Error('the listing did not end');
  }

  const expected = (matches: (i: number) => boolean) => newestFirst.filter(matches).map(phone);
  const march = (i: number) => i % 2 === 0 || i % 5 === 0;
  const hello = (i: number) => i % 2 === 1 && i <= HELLO_UNTIL && i !== 7;

  it('has terms for each step of the search', () => {
    expect(newestFirst.filter((i) => i % 2 === 0).length).to.be.at.least(SEARCH_CANDIDATES);
    expect(newestFirst.filter(hello).length).to.be.at.least(SEARCH_CANDIDATES);
    expect(newestFirst.slice(0, SEARCH_WINDOW).filter(hello).length).to.equal(5);
  });

  it('pages a common term (name or message text) newest first, none missed or repeated', async () => {
    expect(await allPages({ q: 'march' }, 200)).to.deep.equal(expected(march));
    expect(await allPages({ q: 'MARCH' }, 100)).to.deep.equal(expected(march));
  });

  it('pages a term common overall but scarce among the newest conversations', async () => {
    expect(await allPages({ q: 'hello' }, 100)).to.deep.equal(expected(hello));
  });

  it('finds a rare term beyond the newest conversations, and a middling one across pages', async () => {
    expect(await allPages({ q: 'kayak' }, 50)).to.deep.equal([phone(7)]);
    const middling = (i: number) => i % 5 !== 0 && /^1/.test(String(i));
    expect(await allPages({ q: 'Customer 1' }, 100)).to.deep.equal(expected(middling));
    expect(await allPages({ q: phone(123).slice(4) }, 20)).to.deep.equal([phone(123)]);
  });

  it('combines the search with the unread filter', async () => {
    expect(await allPages({ q: 'march', unread: true }, 150)).to.deep.equal(
      expected((i) => march(i) && unread(i)),
    );
    expect(await allPages({ q: 'nobody writes this' }, 50)).to.deep.equal([]);
  });
});
