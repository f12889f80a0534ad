import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { query } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

test('a manager sees the plan and usage, and makes a click-to-chat link with its QR code', async ({
  page,
}) => {
  await signInWithKey(page, managerKey(), '/settings');
  const usage = page.getByRole('region', { name: 'Plan and usage' });
  await expect(usage).toBeVisible();
  await expect(usage.getByText('Enterprise')).toBeVisible();
  await expect(usage.getByText(/^Messages: .* \(unlimited\)$/)).toBeVisible();
  await expect(usage.getByText(/settings\.pricePerCategory/)).toBeVisible();

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
