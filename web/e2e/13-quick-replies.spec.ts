import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { query, whatsappText } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

const PRICES = 'Iguazú: USD 450 por persona, 3 días con traslados.';

test('a quick reply saved on Settings is put in a reply by typing /, chosen with the keyboard, and sent', async ({
  page,
}) => {
  await signInWithKey(page, managerKey(), '/settings');
  const card = page.getByRole('region', { name: 'Quick replies', exact: true });
  await card.getByLabel('Shortcut').fill('precios');
  await card.getByLabel('Text').fill(PRICES);
  await card.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(card.getByRole('row').filter({ hasText: '/precios' })).toContainText(PRICES);
  await card.getByLabel('Shortcut').fill('horarios');
  await card.getByLabel('Text').fill('Atendemos de 9 a 18, de lunes a sábado.');
  await card.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(card.getByRole('row').filter({ hasText: '/horarios' })).toBeVisible();
  // A shortcut is the tenant's once: the API names the field.
  await card.getByLabel('Shortcut').fill('/PRECIOS');
  await card.getByLabel('Text').fill('otra');
  await card.getByRole('button', { name: 'Save quick reply' }).click();
  await expect(card.getByRole('alert')).toContainText('shortcut');

  await whatsappText('+5491155550990', '¿Cuánto sale Iguazú?', 'Elena');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
  const item = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /^Elena / });
  await item.click({ timeout: 20_000 });
  const thread = page.getByRole('region', { name: 'Elena' });
  const reply = thread.getByLabel('Reply');
  await reply.fill('/');
  const list = thread.getByRole('listbox', { name: 'Quick replies' });
  await expect(list.getByRole('option')).toHaveCount(2);
  await reply.pressSequentially('pre');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option', { selected: true })).toContainText('/precios');
  await expectAccessible(page, 'the inbox with quick replies open');
  // Escape closes the list and leaves what was typed.
  await reply.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(reply).toHaveValue('/pre');
  await reply.fill('/');
  await reply.press('ArrowDown');
  await reply.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveCount(1);
  // Enter before the API has answered for '/precios': the list on screen (the answer for '/') is
  // narrowed at once, so the reply put in is the one typed, not the one highlighted before.
  let answered = false;
  await page.route(/\/api\/v1\/quick-replies\?.*q=precios/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    answered = true;
    await route.continue();
  });
  await reply.fill('/precios');
  await reply.press('Enter');
  expect(answered).toBe(false);
  await expect(reply).toHaveValue(PRICES);
  await expect(list).toHaveCount(0);
  await thread.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(thread.getByRole('listitem').filter({ hasText: PRICES })).toContainText('Sent', {
    timeout: 20_000,
  });
  const [sent] = await query<{ customer_phone: string }>(
    `SELECT customer_phone FROM whatsapp_messages WHERE direction = 'OUTBOUND' AND content->>'text' = $1`,
    [PRICES],
  );
  expect(sent.customer_phone).toBe('+5491155550990');

  // Changed and deleted on Settings.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await card.getByRole('button', { name: 'Change /horarios' }).click();
  const edit = page.getByRole('dialog', { name: 'Change /horarios' });
  await edit.getByLabel('Text').fill('Atendemos de 9 a 19.');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(card.getByRole('row').filter({ hasText: '/horarios' })).toContainText('de 9 a 19');
  await card.getByRole('button', { name: 'Delete /horarios' }).click();
  await page
    .getByRole('dialog', { name: 'Delete the quick reply?' })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(card.getByRole('row').filter({ hasText: '/horarios' })).toHaveCount(0);
});
