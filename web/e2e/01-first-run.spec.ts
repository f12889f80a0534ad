import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { env } from './support/backdoor';
import { saveManagerKey, screenshot } from './support/session';

test('the first manager is created from the link printed at start-up, once', async ({ page }) => {
  await page.goto(env.setupUrl);
  await expect(page.getByRole('heading', { name: 'Set up wa-ops' })).toBeVisible();
  await expectAccessible(page, 'setup');
  await screenshot(page, 'setup');
  await page.getByLabel('Your name').fill('Marta Manager');
  await page.getByLabel('Your WhatsApp number').fill('+14155550100');
  await page.getByRole('button', { name: 'Create manager' }).click();
  await expect(page.getByRole('heading', { name: 'All set' })).toBeVisible();
  const apiKey = (await page.getByLabel('API key').textContent())!.trim();
  expect(apiKey).toMatch(/^wao_/);
  saveManagerKey(apiKey);
  await page.getByRole('link', { name: 'Open the console' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText('Marta Manager');

  // The link works once.
  const again = await page.request.post(`${env.baseURL}/api/v1/setup`, {
    data: { token: new URL(env.setupUrl).searchParams.get('token'), name: 'Eve', phone: '+14155550666' },
  });
  expect(again.status()).toBe(401);
});
