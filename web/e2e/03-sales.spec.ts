import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi, query, whatsappText } from './support/backdoor';
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

test('the paid booking is cancelled from Bookings, its refund refused above what was paid, then recorded', async ({
  page,
}) => {
  // Operations see bookings to run trips; cancelling is sales work.
  const operations = await callApi<{ apiKey: string }>(managerKey(), 'POST', '/users', {
    name: 'Olga Operations',
    phone: '+14155550211',
    role: 'operations',
  });
  await signInWithKey(page, operations.apiKey, '/bookings');
  await page
    .getByRole('row', { name: /Ana/ })
    .getByRole('button', { name: /^BK-\d+$/ })
    .click();
  await expect(page.getByRole('dialog')).toContainText('TRANSFER-123');
  await expect(page.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);

  await signInWithKey(page, managerKey(), '/bookings');
  const row = page.getByRole('row', { name: /Ana/ });
  await expect(row).toContainText('Confirmed');
  const ref = (await row.getByRole('button', { name: /^BK-\d+$/ }).textContent())!;
  await row.getByRole('button', { name: ref }).click();
  const booking = page.getByRole('dialog', { name: `Booking ${ref}` });
  await booking.getByRole('button', { name: 'Cancel booking' }).click();
  const confirm = page.getByRole('dialog', { name: `Cancel ${ref}?` });
  await expect(confirm).toContainText('Ana is told on WhatsApp');
  await expect(confirm).toContainText('At most $900.00');
  const reason = 'The group cannot travel in March';
  await confirm.getByLabel('Reason').fill(reason);
  await confirm.getByLabel('Refund (optional)').fill('1000');
  await confirm.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(confirm.getByRole('alert')).toContainText('exceeds the 900.00 USD paid');
  await expectAccessible(page, 'cancelling a booking, refused');
  const stored = () =>
    query<{ status: string; cancellation_reason: string | null; refund: string | null }>(
      `SELECT b.status, b.cancellation_reason, r.amount::text AS refund
         FROM bookings b LEFT JOIN refunds r ON r.booking_id = b.id WHERE b.ref = $1`,
      [ref],
    );
  expect(await stored()).toEqual([{ status: 'confirmed', cancellation_reason: null, refund: null }]);

  await confirm.getByLabel('Refund (optional)').fill('450');
  await confirm.getByRole('button', { name: 'Cancel booking' }).click();
  await expect(confirm).toBeHidden();
  await expect(booking.getByRole('status')).toContainText('Booking cancelled; the customer is told.');
  await expect(booking).toContainText('Cancelled');
  await expect(booking).toContainText(reason);
  await expect(booking).toContainText('$450.00');
  await expect(booking.getByRole('button', { name: 'Cancel booking' })).toHaveCount(0);
  expect(await stored()).toEqual([{ status: 'cancelled', cancellation_reason: reason, refund: '450.00' }]);
  await expect
    .poll(
      async () =>
        (
          await query(
            `SELECT 1 FROM whatsapp_messages WHERE customer_phone = '+5491155550101' AND direction = 'OUTBOUND' AND content::text LIKE $1`,
            [`%${reason}%`],
          )
        ).length,
      { timeout: 20_000 },
    )
    .toBe(1);
  await page.keyboard.press('Escape');
  await expect(row).toContainText('Cancelled');
});
