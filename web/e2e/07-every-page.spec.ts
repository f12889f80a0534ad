import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { env } from './support/backdoor';
import { managerKey, screenshot, signInWithKey } from './support/session';

const PAGES = [
  { path: '/inbox', heading: 'Inbox' },
  { path: '/contacts', heading: 'Contacts' },
  { path: '/leads', heading: 'Leads' },
  { path: '/bookings', heading: 'Bookings' },
  { path: '/trips', heading: 'Trips' },
  { path: '/trips/TRP888', heading: 'TRP888 · Torres del Paine' },
  { path: '/incidents', heading: 'Incidents' },
  { path: '/templates', heading: 'Templates' },
  { path: '/broadcasts', heading: 'Broadcasts' },
  { path: '/analytics', heading: 'Analytics' },
  { path: '/audit', heading: 'Audit log' },
  { path: '/settings', heading: 'Settings' },
];

test('every page loads without a serious or critical accessibility violation', async ({ page }) => {
  await signInWithKey(page, managerKey());
  for (const { path, heading } of PAGES) {
    await page.goto(`${env.baseURL}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
    await screenshot(page, path.slice(1).replace(/\//g, '-'));
  }
});

test('the templates page lists the seeded login_code template as approved', async ({ page }) => {
  await signInWithKey(page, managerKey(), '/templates');
  await expect(page.getByRole('row', { name: /login_code/ })).toContainText('Approved');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the menu opens the navigation, and pages stay usable and accessible', async ({ page }) => {
    await signInWithKey(page, managerKey(), '/leads');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(nav).toBeVisible();
    await screenshot(page, 'phone-menu');
    await nav.getByRole('link', { name: 'Incidents' }).click();
    await expect(nav).toBeHidden();
    await expect(page.getByRole('heading', { level: 1, name: 'Incidents' })).toBeVisible();
    await page.getByLabel('Status').selectOption('');
    await expectAccessible(page, 'incidents on a phone');
    await screenshot(page, 'phone-incidents');
  });
});
