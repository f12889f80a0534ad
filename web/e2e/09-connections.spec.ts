import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi } from './support/backdoor';
import { managerKey, screenshot, signInWithKey } from './support/session';

test('Settings lists the WhatsApp numbers with their health, live, and tests one', async ({ page }) => {
  const key = managerKey();
  const { data } = await callApi<{ data: Array<{ id: string; phoneNumber: string | null }> }>(
    key,
    'GET',
    '/whatsapp/connections',
  );
  expect(data.length).toBeGreaterThan(0);
  await signInWithKey(page, key, '/settings');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const card = page.getByRole('region', { name: 'WhatsApp numbers' });
  const row = card.getByRole('row').nth(1);
  await expect(row).toContainText('Active');

  // Tested elsewhere (another manager, the CLI): connection.health updates the row without reloading.
  await expect(row).toContainText('Never tested');
  await callApi(key, 'POST', `/whatsapp/connections/${data[0].id}/test`);
  await expect(row).toContainText('Works', { timeout: 20_000 });
  await expect(row).toContainText('High');

  // Tested here: the provider's answer is shown and announced.
  await card
    .getByRole('button', { name: /^Test / })
    .first()
    .click();
  const result = card.getByTestId('connection-test-result');
  await expect(result).toHaveAttribute('role', 'status');
  await expect(result).toContainText('works. The provider answered:');
  await expect(result).toContainText('Quality');
  await expect(result).toContainText('High');
  await expectAccessible(page, 'settings with connections');
  await screenshot(page, 'settings-connections');

  await page.getByLabel('Language').selectOption('es');
  const tarjeta = page.getByRole('region', { name: 'Números de WhatsApp' });
  await expect(tarjeta.getByRole('row').nth(1)).toContainText('Funciona');
  await expect(tarjeta.getByRole('columnheader', { name: 'Nivel de mensajería' })).toBeAttached();
  await page.getByLabel('Idioma').selectOption('en');
});
