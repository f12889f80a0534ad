import { expect, test } from '@playwright/test';
import { callApi, whatsappText } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

test('a guide’s ISSUE appears on Incidents and the trip, and is resolved from the console', async ({
  page,
}) => {
  const key = managerKey();
  const guide = await callApi(key, 'POST', '/users', {
    name: 'Gabo Guide',
    phone: '+14155550301',
    role: 'field_staff',
  });
  await callApi(key, 'POST', '/trips', {
    code: 'TRP888',
    name: 'Torres del Paine',
    departureDate: '2027-01-10',
  });
  await callApi(key, 'POST', '/trips/TRP888/assignments', { userId: guide.id });
  await signInWithKey(page, key, '/incidents');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await whatsappText('+14155550301', 'ISSUE TRP888 vehicle breakdown at the checkpoint', 'Gabo');
  // No reload: incident.created refreshes the open list.
  const row = page.getByRole('row', { name: /vehicle breakdown/ });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('TRP888');
  await expect(row).toContainText('Open');

  await page.getByRole('link', { name: 'TRP888' }).click();
  await expect(page.getByRole('heading', { name: 'TRP888 · Torres del Paine' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Timeline' }).or(page.locator('section', { hasText: 'Timeline' })),
  ).toContainText('vehicle breakdown at the checkpoint');
  await expect(page.locator('section', { hasText: 'Assigned staff' })).toContainText('Gabo Guide');

  await page.goBack();
  await page.getByRole('button', { name: /^Resolve INC-\d+$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Resolution note').fill('replacement van arrived');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /vehicle breakdown/ })).toHaveCount(0);
  await page.getByLabel('Status').selectOption('resolved');
  await expect(page.getByRole('row', { name: /vehicle breakdown/ })).toContainText('replacement van arrived');
});
