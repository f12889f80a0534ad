import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { query, whatsappText } from './support/backdoor';
import { managerKey, screenshot, signInWithKey } from './support/session';

const repliesTo = async (phone: string, count: number) => {
  for (let i = 0; i < 100; i++) {
    const rows = await query<{ text: string; origin: string | null }>(
      `SELECT content->>'text' AS text, origin FROM whatsapp_messages
        WHERE direction = 'OUTBOUND' AND customer_phone = $1 ORDER BY created_at`,
      [phone],
    );
    if (rows.length >= count) return rows;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no reply to ${phone}`);
};

test('a manager sets business hours, an away message and ordered rules; a customer gets the rule’s reply', async ({
  page,
}) => {
  await signInWithKey(page, managerKey(), '/settings');
  const card = page.getByRole('region', { name: 'Business hours and auto-responder' });
  await expect(card.getByLabel('Time zone')).toHaveValue('UTC');
  await card.getByLabel('Time zone').fill('America/Argentina/Buenos_Aires');
  await card.getByLabel('Set business hours (without them you are always open)').check();
  await card.getByLabel('Monday').fill('09:00-13:00, 14:00-18:00');
  await card.getByLabel('Holidays').fill('2026-12-25');
  await card.getByLabel('Away message').fill('We are closed now; we answer from 9am.');

  await card.getByRole('button', { name: 'Add a rule' }).click();
  await card.getByRole('button', { name: 'Add a rule' }).click();
  const first = card.getByRole('listitem', { name: 'Rule 1' });
  const second = card.getByRole('listitem', { name: 'Rule 2' });
  await first.getByLabel('Keywords, separated by commas').fill('refund');
  await first.getByLabel('Reply', { exact: true }).fill('Refunds take 5 days.');
  await second.getByLabel('Keywords, separated by commas').fill('price, precio');
  await second.getByLabel('Reply', { exact: true }).fill('Treks start at USD 450.');
  await card.getByRole('button', { name: 'Move rule 2 up' }).click();
  await expect(
    card.getByRole('listitem', { name: 'Rule 1' }).getByLabel('Reply', { exact: true }),
  ).toHaveValue('Treks start at USD 450.');
  await card.getByRole('button', { name: 'Remove rule 2' }).click();
  await expect(card.getByRole('listitem')).toHaveCount(1);
  await expectAccessible(page, 'the auto-responder settings');
  await card.getByRole('button', { name: 'Save auto-responder' }).click();
  await expect(card.getByText('Auto-responder saved.')).toBeVisible();
  await screenshot(page, 'settings-auto-responder');

  await page.reload();
  const reloaded = page.getByRole('region', { name: 'Business hours and auto-responder' });
  await expect(reloaded.getByLabel('Monday')).toHaveValue('09:00-13:00, 14:00-18:00');
  await expect(reloaded.getByLabel('Away message')).toHaveValue('We are closed now; we answer from 9am.');
  await expect(
    reloaded.getByRole('listitem', { name: 'Rule 1' }).getByLabel('Reply', { exact: true }),
  ).toHaveValue('Treks start at USD 450.');

  await whatsappText('+5491155550931', '¿Cuál es el precio?', 'Marta');
  const [reply] = await repliesTo('+5491155550931', 1);
  expect(reply).toEqual({ text: 'Treks start at USD 450.', origin: 'auto' });
});

test('a bad pattern is refused naming the rule’s field', async ({ page }) => {
  await signInWithKey(page, managerKey(), '/settings');
  const card = page.getByRole('region', { name: 'Business hours and auto-responder' });
  await card.getByRole('button', { name: 'Add a rule' }).click();
  const rule = card.getByRole('listitem').last();
  await rule.getByLabel('Match by').selectOption('pattern');
  await rule.getByLabel('Pattern (regular expression)').fill('(a)\\1');
  await rule.getByLabel('Reply', { exact: true }).fill('x');
  await card.getByRole('button', { name: 'Save auto-responder' }).click();
  await expect(card.getByRole('alert')).toContainText(/pattern/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });

  test('the auto-responder settings fit the screen and stay accessible', async ({ page }) => {
    await signInWithKey(page, managerKey(), '/settings');
    const card = page.getByRole('region', { name: 'Business hours and auto-responder' });
    await expect(card.getByRole('listitem', { name: 'Rule 1' })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the auto-responder settings on a phone');
  });
});
