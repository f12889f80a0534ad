import { expect, test } from '@playwright/test';
import { whatsappText } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

test('an enquiry becomes a lead, is quoted, converted, and its booking paid', async ({ page }) => {
  await signInWithKey(page, managerKey(), '/trips');
  await page.getByRole('button', { name: 'New trip' }).click();
  const dialog = page.getByRole('dialog', { name: 'New trip' });
  await dialog.getByLabel('Trip code').fill('TRP777');
  await dialog.getByLabel('Name').fill('Iguazu Falls');
  await dialog.getByLabel('Departure').fill('2027-03-14');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByRole('status')).toContainText('Trip TRP777 created');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('link', { name: 'TRP777' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await whatsappText('+5491155550101', 'Hi! 4 people for Iguazu in March?', 'Ana');
  // No reload: the lead.created event refreshes the list on screen.
  const lead = page.getByRole('button', { name: /^LD-\d+$/ }).first();
  await expect(lead).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('row', { name: /Ana/ })).toContainText('New');
  await lead.click();

  const leadDialog = page.getByRole('dialog');
  await leadDialog.getByLabel('Amount').first().fill('900');
  await leadDialog.getByLabel('What the quote covers').fill('Iguazu Falls, 4 people, March');
  await leadDialog.getByRole('button', { name: 'Send quote' }).click();
  await expect(leadDialog.getByRole('status')).toContainText(/Quote Q-\d+ sent/);

  const convert = leadDialog.locator('form', {
    has: page.getByRole('heading', { name: 'Convert to a booking' }),
  });
  await convert.getByLabel('Trip code').fill('TRP777');
  await convert.getByLabel('Amount').fill('900');
  await convert.getByRole('button', { name: 'Create booking' }).click();
  await expect(convert.getByRole('status')).toContainText(/Booking BK-\d+ created/);
  await page.keyboard.press('Escape');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookings' }).click();
  const row = page.getByRole('row', { name: /Ana/ });
  await expect(row).toContainText('Awaiting payment');
  await expect(row).toContainText('$900.00');
  await row.getByRole('button', { name: /^BK-\d+$/ }).click();
  const bookingDialog = page.getByRole('dialog');
  await bookingDialog.getByLabel('Reference (receipt, transfer id)').fill('TRANSFER-123');
  await bookingDialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(bookingDialog.getByRole('status')).toContainText('Payment recorded');
  await expect(bookingDialog).toContainText('TRANSFER-123');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: /Ana/ })).toContainText('Confirmed');
});
