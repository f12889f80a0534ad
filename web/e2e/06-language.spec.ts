import { expect, test } from '@playwright/test';
import { managerKey, signInWithKey } from './support/session';

test('switching to Spanish translates the console and is remembered', async ({ page }) => {
  await signInWithKey(page, managerKey(), '/leads');
  await expect(page.getByRole('heading', { name: 'Leads' })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { name: 'Consultas' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Reservas' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Cerrar sesión' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Ajustes' }).click();
  await expect(page.getByRole('heading', { name: 'Modo pánico' })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Panic mode' })).toBeVisible();
});
