import { expect, test } from '@playwright/test';
import { callApi } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

test('a broadcast to a list shows its progress per recipient, skipping who did not opt in', async ({
  page,
}) => {
  const key = managerKey();
  await callApi(key, 'POST', '/opt-ins', { phone: '+14155550401', source: 'e2e' });
  await signInWithKey(page, key, '/broadcasts');

  await page.getByRole('button', { name: 'New list' }).click();
  const dialog = page.getByRole('dialog', { name: 'New list' });
  await dialog.getByLabel('List name').fill('March travellers');
  await dialog.getByLabel('Members').fill('+14155550401, Olga\n+14155550402, Pablo');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /March travellers/ })).toContainText('2');

  await page.getByLabel('Approved template').selectOption({ label: 'trip_broadcast (en)' });
  await page.getByLabel('Parameter 1').fill('TRP777');
  await page.getByLabel('Parameter 2').fill('we meet at the hotel lobby at 6:00');
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'March travellers' });
  await page.getByRole('button', { name: 'Send broadcast' }).click();

  await expect(page.getByRole('heading', { name: 'Broadcast trip_broadcast' })).toBeVisible();
  await expect(page.getByRole('row', { name: /\+14155550402/ })).toContainText('Skipped');
  await expect(page.getByRole('row', { name: /\+14155550401/ })).toContainText('Sent', { timeout: 20_000 });
  await expect(page.locator('.stat', { hasText: 'Queued' })).toContainText('0');
});

test('the broadcasts sent are listed with their list and counts, and open their progress', async ({
  page,
}) => {
  await signInWithKey(page, managerKey(), '/broadcasts');
  const sent = page.getByRole('table', { name: 'Sent broadcasts' });
  const row = sent.getByRole('row').filter({ hasText: 'March travellers' });
  await expect(row).toContainText('trip_broadcast');
  await expect(row).toContainText('· 0 failed · 1 skipped');
  await row.getByRole('link', { name: /^Progress of trip_broadcast, sent / }).click();
  await expect(page.getByRole('heading', { name: 'Broadcast trip_broadcast' })).toBeVisible();
  await expect(page.getByRole('row', { name: /\+14155550402/ })).toContainText('Skipped');
});
