import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi, env, query, whatsappText } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

/** The payment page's address in what was sent to `phone` (the payment link message). */
async function paymentLinkSentTo(phone: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const rows = await query<{ text: string }>(
          `SELECT content::text AS text FROM whatsapp_messages WHERE customer_phone = $1 AND direction = 'OUTBOUND'`,
          [phone],
        );
        link = rows.map((r) => /https?:\/\/[^\s"\\]+\/pay\/[^\s"\\]+/.exec(r.text)?.[0]).find(Boolean);
        return link;
      },
      { timeout: 20_000 },
    )
    .toBeTruthy();
  return link!;
}

test('a manager sets how customers pay: the payment page links to the checkout, and a signed payment confirms the booking live', async ({
  page,
}) => {
  const key = managerKey();
  await signInWithKey(page, key, '/settings');
  // Settings is long: its contents lead to the card.
  await page
    .getByRole('navigation', { name: 'On this page' })
    .getByRole('link', { name: 'Payments' })
    .click();
  await expect(page).toHaveURL(/#payments$/);
  const card = page.getByRole('region', { name: 'Payments' });
  await expect(card.getByRole('heading', { name: 'Payments' })).toBeInViewport();
  await expect(card).toContainText('/api/payments/webhook/mercadopago?tenant=');
  await card
    .getByLabel('Payment link')
    .fill('https://pay.example.com/{ref}?amount={amount}&currency={currency}');
  await card.getByLabel('Instructions').fill('Transferencia: CBU 0000003100010000000001');
  const secret = 'e2e-generic-payments-secret';
  await card.getByLabel('Signing secret').fill(secret);
  await card.getByRole('button', { name: 'Save payments' }).click();
  await expect(card.getByRole('status')).toContainText('Payment settings saved.');
  // Write-only: the field empties, and says a secret is stored.
  await expect(card.getByLabel('Signing secret')).toHaveValue('');
  await expect(card).toContainText('Stored. Leave empty to keep it');
  await expectAccessible(page, 'settings with payments');

  // A customer's enquiry, converted by REST: the payment link they get opens the payment page.
  const phone = '+5491155550980';
  await whatsappText(phone, 'Hola, somos 2 para Iguazú', 'Bruno');
  await expect
    .poll(async () => (await query(`SELECT 1 FROM leads WHERE customer_phone = $1`, [phone])).length, {
      timeout: 20_000,
    })
    .toBe(1);
  const [lead] = await query<{ id: string; tenant_id: string }>(
    `SELECT id, tenant_id FROM leads WHERE customer_phone = $1`,
    [phone],
  );
  const booking = await callApi<{ id: string; ref: string }>(key, 'POST', `/leads/${lead.id}/convert`, {
    tripCode: 'TRP777',
    partySize: 2,
    amount: 500,
    currency: 'USD',
  });
  const link = await paymentLinkSentTo(phone);
  const customer = await page.context().newPage();
  await customer.goto(link);
  await expect(customer.getByText('Transferencia: CBU 0000003100010000000001')).toBeVisible();
  await expect(customer.getByRole('link', { name: /500/ })).toHaveAttribute(
    'href',
    `https://pay.example.com/${booking.ref}?amount=500.00&currency=USD`,
  );
  await customer.close();

  // The business's own payment system confirms it; the Bookings page follows without a reload.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookings' }).click();
  const row = page.getByRole('row', { name: /Bruno/ });
  await expect(row).toContainText('Awaiting payment');
  const body = JSON.stringify({
    bookingRef: booking.ref,
    amount: 500,
    currency: 'USD',
    reference: 'E2E-PAY-1',
  });
  const signature = crypto.createHmac('sha256', secret).update(body).digest('hex');
  const res = await fetch(`${env.baseURL}/api/payments/webhook/generic?tenant=${lead.tenant_id}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': `sha256=${signature}` },
    body,
  });
  expect(res.status).toBe(201);
  await expect(row).toContainText('Confirmed', { timeout: 20_000 });
});

test('the SMS fallback needs Twilio credentials, and says so', async ({ page }) => {
  await signInWithKey(page, managerKey(), '/settings');
  const card = page.getByRole('region', { name: 'SMS fallback' });
  await card.getByLabel('Send by SMS when the number is not on WhatsApp').check();
  await card.getByLabel('SMS number').fill('+15550100123');
  await card.getByRole('button', { name: 'Save SMS fallback' }).click();
  await expect(card.getByRole('alert')).toContainText(/Twilio/);
  await page.reload();
  await expect(card.getByLabel('Send by SMS when the number is not on WhatsApp')).not.toBeChecked();
});
