import { expect } from 'chai';
import { SEARCH_WINDOW } from '../../../src/modules/conversation/infrastructure/conversationSearch';
import { ApiClient } from '../../support/apiClient';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';

/**
 * `q` walks the newest conversations first and falls back to the trigram indexes when the walk
 * cannot fill a page (conversationSearch). Whichever step answers, the pages must list exactly
 * the matches, newest first, across cursors — checked here on more conversations than the walk
 * reads, with common, rare and middling terms, and combined with `unread`.
 */
describe('inbox search across the walk window (SPEC §19)', () => {
  const COUNT = 2 * SEARCH_WINDOW + 100;
  const phone = (i: number) => `+5491170${String(i).padStart(6, '0')}`;
  const nameOf = (i: number) => (i % 5 === 0 ? `Marchetti ${i}` : `Customer ${i}`);
  const textOf = (i: number) => (i === 7 ? 'a kayak for two' : i % 3 === 0 ? 'a trip in March?' : 'hello');
  const unread = (i: number) => i % 2 === 0;
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
  const march = (i: number) => i % 3 === 0 || i % 5 === 0;

  it('pages a common term (name or message text) newest first, none missed or repeated', async () => {
    expect(await allPages({ q: 'march' }, 50)).to.deep.equal(expected(march));
    expect(await allPages({ q: 'MARCH' }, 200)).to.deep.equal(expected(march));
  });

  it('finds a rare term beyond the newest conversations, and a middling one across pages', async () => {
    expect(await allPages({ q: 'kayak' }, 50)).to.deep.equal([phone(7)]);
    const middling = (i: number) => i % 5 !== 0 && /^1/.test(String(i));
    expect(await allPages({ q: 'Customer 1' }, 20)).to.deep.equal(expected(middling));
    expect(await allPages({ q: phone(123).slice(4) }, 20)).to.deep.equal([phone(123)]);
  });

  it('combines the search with the unread filter', async () => {
    expect(await allPages({ q: 'march', unread: true }, 40)).to.deep.equal(
      expected((i) => march(i) && unread(i)),
    );
    expect(await allPages({ q: 'nobody writes this' }, 50)).to.deep.equal([]);
  });
});
