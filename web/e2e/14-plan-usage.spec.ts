import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { query, whatsappStatus } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

test('a manager sees the plan and usage, prices the billable messages, and makes a click-to-chat link with its QR code', async ({
  page,
}) => {
  // Meta bills one of the messages sent so far as utility.
  const [sent] = await query<{ id: string; phone: string }>(
    `SELECT provider_message_id AS id, customer_phone AS phone FROM whatsapp_messages
      WHERE direction = 'OUTBOUND' AND status = 'sent' AND provider_message_id IS NOT NULL LIMIT 1`,
  );
  await whatsappStatus(sent.id, sent.phone, 'delivered', 'utility');

  await signInWithKey(page, managerKey(), '/settings');
  const usage = page.getByRole('region', { name: 'Plan and usage' });
  await expect(usage).toBeVisible();
  await expect(usage.getByText('Enterprise')).toBeVisible();
  await expect(usage.getByText(/^Messages: .* \(unlimited\)$/)).toBeVisible();
  const utility = usage.getByRole('row', { name: /^Utility/ });
  await expect(utility).toHaveText(/^Utility1—$/, { timeout: 20_000 });
  await expect(usage).toContainText('Set the prices per category below to see an estimated cost.');

  const prices = usage.getByRole('group', { name: 'Prices per billable message' });
  await prices.getByLabel('Currency').fill('usd');
  await prices.getByLabel('Utility', { exact: true }).fill('0.25');
  await prices.getByLabel('Marketing', { exact: true }).fill('0.0625');
  await prices.getByRole('button', { name: 'Save prices' }).click();
  await expect(prices.getByRole('status')).toContainText('Prices saved');
  // The estimate follows without a reload.
  await expect(utility).toHaveText('Utility1$0.25');
  await expect(usage).toContainText('Estimated cost this period: $0.25.');
  await page.reload();
  await expect(prices.getByLabel('Currency')).toHaveValue('USD');
  await expect(prices.getByLabel('Marketing', { exact: true })).toHaveValue('0.0625');
  await expect(prices.getByLabel('Service', { exact: true })).toHaveValue('');

  const link = page.getByRole('region', { name: 'Click-to-chat link' });
  await link.getByRole('button', { name: 'Make link' }).click();
  await expect(link.getByRole('alert')).toContainText('The tenant has no WhatsApp number');
  // The number alone, without an API: a console connection (what a starter tenant adds).
  await query(
    `INSERT INTO whatsapp_configurations (tenant_id, provider, phone_number)
     SELECT id, 'console', '+5491155550100' FROM tenants WHERE slug = 'default'`,
  );
  await link.getByLabel('Message typed in for the customer').fill('Hola, quiero reservar');
  await link.getByRole('button', { name: 'Make link' }).click();
  const anchor = link.getByRole('link', {
    name: /^https:\/\/wa\.me\/5491155550100\?text=Hola%2C%20quiero%20reservar$/,
  });
  await expect(anchor).toBeVisible();
  const qr = link.getByRole('img', { name: /^QR code that opens https:\/\/wa\.me\// });
  await expect(qr).toBeVisible();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expectAccessible(page, 'settings with plan and usage');

  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('region', { name: 'Plan y uso' })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');

  await page.setViewportSize({ width: 375, height: 740 });
  await expect(anchor).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no sideways scrolling on a phone').toBeLessThanOrEqual(0);
});
