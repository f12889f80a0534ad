import http from 'node:http';
import type net from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { expectAccessible } from './support/accessibility';
import { query, whatsappText } from './support/backdoor';
import { managerKey, screenshot, signInWithKey } from './support/session';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** An integrator's endpoint on loopback (the e2e server allows private targets): keeps what it gets. */
async function startReceiver() {
  const received: Received[] = [];
  const receiver = { received, answer: 204, url: '', close: () => new Promise((done) => server.close(done)) };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(receiver.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}/wa-ops/events`;
  return receiver;
}

test('a manager subscribes a URL to events, watches a failed delivery retried and delivered, signed, turns it off and on, and removes it', async ({
  page,
}) => {
  const receiver = await startReceiver();
  try {
    await signInWithKey(page, managerKey(), '/settings');
    const card = page.getByRole('region', { name: 'Webhook subscriptions' });
    await expect(card).toContainText('No subscriptions yet.');

    // Nothing chosen: the API names the field.
    await card.getByRole('textbox', { name: 'URL' }).fill(receiver.url);
    await card.getByRole('button', { name: 'Subscribe' }).click();
    await expect(card.getByRole('alert')).toContainText('events');

    await card.getByLabel('A customer’s message arrives').check();
    await card.getByRole('button', { name: 'Subscribe' }).click();
    const secret = (await card.locator('code.secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await expect(card.getByRole('textbox', { name: 'URL' })).toHaveValue('');
    const row = card.getByRole('row').filter({ hasText: receiver.url });
    await expect(row).toContainText('Active');
    await expectAccessible(page, 'settings with a webhook subscription');

    // The receiver is down for the first attempt: the dialog shows it being retried.
    receiver.answer = 500;
    await whatsappText('+5491155550970', 'Hola, ¿hay lugar el domingo?', 'Rocío');
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    await row.getByRole('button', { name: `Deliveries to ${receiver.url}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Deliveries' });
    const delivery = dialog.getByRole('row').filter({ hasText: 'message.received' });
    await expect(delivery).toContainText('Trying');
    await expect(delivery).toContainText('HTTP 500');
    await expectAccessible(page, 'a subscription’s deliveries');

    // It comes back: the retry (after 2.5–5 s) is delivered, and the open dialog follows it.
    receiver.answer = 204;
    await expect(delivery).toContainText('Delivered', { timeout: 20_000 });
    await expect(delivery).toContainText('HTTP 204');
    await screenshot(page, 'settings-webhook-deliveries');
    expect(receiver.received).toHaveLength(2);
    const [failed, delivered] = receiver.received;
    expect(delivered.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    // Verified as the receiver would, with the secret the console showed once.
    const event = new Webhook(secret).verify(delivered.body, delivered.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(event.type).toBe('message.received');
    expect(JSON.stringify(event.data)).toContain('domingo');
    await page.keyboard.press('Escape');

    // Turned off, nothing is sent; turned back on, what happens next is (not what happened meanwhile).
    await row.getByRole('button', { name: `Turn off ${receiver.url}` }).click();
    await expect(row).toContainText('Disabled');
    await expect(row).toContainText('disabled by a manager');
    await whatsappText('+5491155550970', '¿Y el sábado?', 'Rocío');
    // Stored with its event before the subscription is turned back on.
    await expect
      .poll(
        async () =>
          (await query(`SELECT id FROM whatsapp_messages WHERE content->>'text' = '¿Y el sábado?'`)).length,
      )
      .toBe(1);
    await row.getByRole('button', { name: `Turn on ${receiver.url} (from the next event)` }).click();
    await expect(row).toContainText('Active');
    await whatsappText('+5491155550970', '¿Y el lunes?', 'Rocío');
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(3);
    const next = new Webhook(secret).verify(
      receiver.received[2].body,
      receiver.received[2].headers as Record<string, string>,
    );
    expect(JSON.stringify(next)).toContain('lunes');
    expect(receiver.received.map((r) => r.body).join()).not.toContain('sábado');

    await row.getByRole('button', { name: `Remove ${receiver.url}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove the subscription?' });
    await expect(confirm).toContainText(receiver.url);
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(card).toContainText('No subscriptions yet.');
  } finally {
    await receiver.close();
  }
});
