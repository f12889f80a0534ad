import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi, lastLoginCode } from './support/backdoor';
import { managerKey, screenshot } from './support/session';
import { env } from './support/backdoor';

test('a rep signs in with the code WhatsApp brings, sees the pages of their role, and signs out', async ({
  page,
}) => {
  await callApi(managerKey(), 'POST', '/users', { name: 'Rosa Rep', phone: '+14155550201', role: 'sales' });
  await page.goto(`${env.baseURL}/leads`);
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expectAccessible(page, 'sign-in');
  await screenshot(page, 'sign-in');
  await page.getByLabel('Your WhatsApp number').fill('+1 415 555 0201');
  await page.getByRole('button', { name: 'Send me a code' }).click();
  await expect(page.getByRole('status')).toContainText('6-digit code');
  await page.getByLabel('Code').fill('000000');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('wrong, used or expired');
  await page.getByLabel('Code').fill(await lastLoginCode('+14155550201'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toContainText('Rosa Rep');
  await expect(nav.getByRole('link')).toHaveText(['Inbox', 'Leads', 'Bookings', 'Contacts', 'Settings']);

  const cookie = (await page.context().cookies()).find((c) => c.name === 'wa_ops_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.goto(`${env.baseURL}/bookings`);
  await expect(page).toHaveURL(/\/sign-in$/);
});
