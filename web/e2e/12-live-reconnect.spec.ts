import { expect, test, type Page, type Request } from '@playwright/test';
import { env, query, whatsappText } from './support/backdoor';
import { DropProxy } from './support/dropProxy';
import { managerKey, signInWithKey } from './support/session';

let proxy: DropProxy;
test.beforeEach(async () => {
  proxy = await DropProxy.start(env.baseURL);
});
test.afterEach(() => proxy.close());

/**
 * Waits until the console has heard the end of what the first message set off (the lead, the
 * automatic reply, the rep's alert): nothing left to send, every event the server wrote has
 * crossed the proxy, and the refetches those events asked for have come back. Otherwise a refetch
 * still due when the stream is cut would show the second customer without the stream's help.
 */
async function settle(fetching: Set<Request>, since: string): Promise<void> {
  const [{ tenant }] = await query<{ tenant: string }>(
    `SELECT tenant_id AS tenant FROM whatsapp_messages WHERE customer_phone = $1 AND direction = 'INBOUND' LIMIT 1`,
    [since],
  );
  await expect
    .poll(
      async () => {
        const [{ sending, last }] = await query<{ sending: number; last: string }>(
          `SELECT (SELECT count(*)::int FROM whatsapp_messages
                    WHERE tenant_id = $1 AND status IN ('queued', 'sending') AND available_at <= now()) AS sending,
                  (SELECT max(id)::text FROM events WHERE tenant_id = $1) AS last`,
          [tenant],
        );
        // The console flushes what events made stale every 250 ms.
        const quiet = Date.now() - proxy.lastEventAt > 500;
        return sending === 0 && last === proxy.eventIds.at(-1) && quiet && fetching.size === 0;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
}

/** The conversation list's requests in flight. */
function listFetches(page: Page): Set<Request> {
  const fetching = new Set<Request>();
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/v1/conversations')) fetching.add(request);
  });
  page.on('requestfinished', (request) => fetching.delete(request));
  page.on('requestfailed', (request) => fetching.delete(request));
  return fetching;
}

interface Customers {
  phones: [string, string];
  names: [string, string];
}

async function dropAndResume(page: Page, whileDown: 'reset' | number, { phones, names }: Customers) {
  const [first, second] = names.map((name) => new RegExp(`^${name} `));
  const fetching = listFetches(page);
  // The console's stream goes through a proxy the test can cut; every other call goes straight.
  await page.route(/\/api\/v1\/events/, (route) =>
    route.continue({ url: route.request().url().replace(env.baseURL, proxy.url) }),
  );
  await signInWithKey(page, managerKey(), '/inbox');
  const badge = page.getByRole('status').filter({ hasText: /Live|Reconnecting/ });
  await expect(badge).toHaveText(/Live/);
  // A reload would lose this.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const conversations = page.getByRole('list', { name: 'Conversations' });

  await whatsappText(phones[0], 'Hola, ¿salen el sábado?', names[0]);
  await expect(conversations.getByRole('link', { name: first })).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => proxy.eventIds.length).toBeGreaterThan(0);
  await settle(fetching, phones[0]);
  const lastSeen = proxy.eventIds[proxy.eventIds.length - 1];
  const requestsBefore = proxy.requests.length;

  proxy.drop(whileDown);
  await expect(badge).toHaveText(/Reconnecting/);
  // While the console cannot hear: another customer writes, the first writes again.
  await whatsappText(phones[1], 'Buenas, quiero reservar para 4', names[1]);
  await whatsappText(phones[0], '¿Y el precio?', names[0]);
  await expect
    .poll(
      async () =>
        (
          await query(`SELECT 1 FROM whatsapp_messages WHERE customer_phone = $1 AND direction = 'INBOUND'`, [
            phones[1],
          ])
        ).length,
    )
    .toBe(1);
  await expect(conversations.getByRole('link', { name: second })).toHaveCount(0);
  // The browser has tried to reconnect (after the stream's `retry: 3000`) and been refused.
  await expect.poll(() => proxy.refused, { timeout: 20_000 }).toBeGreaterThan(0);

  proxy.restore();
  await expect(badge).toHaveText(/Live/, { timeout: 30_000 });
  await expect(conversations.getByRole('link', { name: second })).toBeVisible({ timeout: 20_000 });
  await expect(conversations.getByRole('link', { name: first })).toContainText('¿Y el precio?');

  // It resumed from the last event it had: the browser's Last-Event-ID, or ?lastEventId= once the
  // console reopened the stream itself. Nothing was reloaded.
  const resumed = proxy.requests.slice(requestsBefore).at(-1)!;
  const asked = resumed.lastEventId ?? new URL(resumed.url, proxy.url).searchParams.get('lastEventId');
  expect(asked).toBe(lastSeen);
  expect(Number(proxy.eventIds.at(-1))).toBeGreaterThan(Number(lastSeen));
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );
  test.info().annotations.push({
    type: 'resumed with',
    description: resumed.lastEventId ? `Last-Event-ID: ${asked}` : `?lastEventId=${asked}`,
  });
  return resumed.lastEventId ? 'header' : 'query';
}

test('a dropped event stream resumes with Last-Event-ID, and what happened meanwhile appears without reloading', async ({
  page,
}) => {
  expect(
    await dropAndResume(page, 'reset', {
      phones: ['+5491155550960', '+5491155550961'],
      names: ['Ximena', 'Yago'],
    }),
  ).toBe('header');
});

test('when the browser gives up on the stream (an error answer), the console reopens it from the last event', async ({
  page,
}) => {
  expect(
    await dropAndResume(page, 503, {
      phones: ['+5491155550962', '+5491155550963'],
      names: ['Carmen', 'Darío'],
    }),
  ).toBe('query');
});
