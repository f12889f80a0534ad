import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi, query, whatsappText } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

const PHONE = '+5491155550970';

test.beforeAll(async () => {
  await query(`UPDATE tenants SET quote_approval_threshold = 1000`);
});
test.afterAll(async () => {
  await query(`UPDATE tenants SET quote_approval_threshold = NULL`);
});

test('a quote over the threshold waits, a manager approves it, and the lead converts at its price', async ({
  page,
}) => {
  await callApi(managerKey(), 'POST', '/trips', {
    code: 'TRP913',
    name: 'Salar de Uyuni',
    departureDate: '2027-05-02',
  });
  await whatsappText(PHONE, 'Hola, somos 2 para Uyuni en mayo', 'Elena');
  let ref: string | undefined;
  for (let i = 0; i < 100 && !ref; i++) {
    [{ ref } = { ref: undefined }] = await query<{ ref: string }>(
      `SELECT ref FROM leads WHERE customer_phone = $1`,
      [PHONE],
    );
    if (!ref) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await signInWithKey(page, managerKey(), '/leads');
  await page.getByRole('button', { name: ref! }).click();
  const dialog = page.getByRole('dialog', { name: `Lead ${ref}` });
  const quotes = dialog.locator('section', { has: page.getByRole('heading', { name: 'Quotes' }) });
  await expect(quotes).toContainText('No quote yet.');

  await dialog.getByLabel('Amount').first().fill('1500');
  await dialog.getByLabel('What the quote covers').fill('Uyuni, 2 people, 3 days');
  await dialog.getByRole('button', { name: 'Send quote' }).click();
  await expect(dialog.getByRole('status').first()).toContainText(
    /Quote Q-\d+ waits for a manager’s approval/,
  );
  const row = quotes.getByRole('row', { name: /Q-\d+/ });
  await expect(row).toContainText('Waiting for approval');
  await expect(row).toContainText('$1,500.00');
  await expectAccessible(page, 'lead with a quote waiting for approval');

  await row.getByRole('button', { name: /^Approve and send Q-\d+$/ }).click();
  await expect(row).toContainText('Sent');
  await expect(row.getByRole('button')).toHaveCount(0);
  const [sent] = await query<{ status: string }>(
    `SELECT q.status FROM quotes q JOIN leads l ON l.id = q.lead_id WHERE l.ref = $1`,
    [ref],
  );
  expect(sent.status).toBe('sent');

  const convert = dialog.locator('form', {
    has: page.getByRole('heading', { name: 'Convert to a booking' }),
  });
  await expect(convert.getByLabel('Amount')).toHaveValue('1500.00');
  await convert.getByLabel('Trip code').fill('TRP913');
  await convert.getByRole('button', { name: 'Create booking' }).click();
  await expect(convert.getByRole('status')).toContainText(/Booking BK-\d+ created/);
});
