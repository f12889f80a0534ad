import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { query, whatsappStatus, whatsappText } from './support/backdoor';
import { managerKey, screenshot, signInWithKey } from './support/session';

const sentText = async (text: string) => {
  for (let i = 0; i < 100; i++) {
    const [row] = await query<{ provider_message_id: string | null; customer_phone: string }>(
      `SELECT provider_message_id, customer_phone FROM whatsapp_messages WHERE direction = 'OUTBOUND' AND content->>'text' = $1`,
      [text],
    );
    if (row?.provider_message_id) return row;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`"${text}" was not sent`);
};

test('a customer’s message appears live; the reply’s ticks follow its statuses; notes and closing', async ({
  page,
}) => {
  await signInWithKey(page, managerKey(), '/inbox');
  await expect(page.getByRole('heading', { level: 1, name: 'Inbox' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();

  await whatsappText('+5491155550909', 'Hola, ¿tienen lugar para Iguazú?', 'Carla');
  const item = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Carla/ });
  // No reload: message.received refreshes the list (its last message is the lead's automatic reply).
  await expect(item).toHaveAccessibleName(/Carla.*1 unread/, { timeout: 20_000 });
  await item.click();
  const thread = page.getByRole('region', { name: 'Carla' });
  await expect(thread.getByRole('list', { name: 'Messages' })).toContainText('¿tienen lugar para Iguazú?');
  await expect(thread).toContainText('Window open');

  await thread.getByLabel('Reply').fill('¡Hola Carla! Sí, te paso los detalles.');
  await thread.getByRole('button', { name: 'Send', exact: true }).click();
  const bubble = thread.getByRole('listitem').filter({ hasText: 'te paso los detalles' });
  await expect(bubble).toContainText('Sent', { timeout: 20_000 });
  const sent = await sentText('¡Hola Carla! Sí, te paso los detalles.');
  await whatsappStatus(sent.provider_message_id!, sent.customer_phone, 'delivered');
  await expect(bubble).toContainText('Delivered', { timeout: 20_000 });
  await whatsappStatus(sent.provider_message_id!, sent.customer_phone, 'read');
  await expect(bubble).toContainText('Read', { timeout: 20_000 });

  // A photo: uploaded, previewed, sent with its caption, shown in the thread.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  await thread
    .getByLabel('Attach a file')
    .setInputFiles({ name: 'falls.png', mimeType: 'image/png', buffer: png });
  await expect(thread.getByRole('img', { name: 'The attachment' })).toBeVisible();
  await thread.getByLabel('Caption (optional)').fill('The falls in March');
  await thread.getByRole('button', { name: 'Send', exact: true }).click();
  const photo = thread
    .getByRole('listitem')
    .filter({ has: page.getByRole('img', { name: 'The falls in March' }) });
  await expect(photo).toContainText('Sent', { timeout: 20_000 });

  await thread.getByLabel('Add a note').fill('Wants the March departure; call back Monday.');
  await thread.getByRole('button', { name: 'Save note' }).click();
  await expect(thread.getByRole('region', { name: 'Notes' })).toContainText('call back Monday');
  await expectAccessible(page, 'inbox thread');
  await screenshot(page, 'inbox');

  // Mine and unassigned: the list follows whom the conversation is assigned to.
  await thread.getByLabel('Assigned to').selectOption({ label: 'Me' });
  const search = page.getByRole('search');
  const carla = page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Carla/ });
  await search.getByLabel('Assigned to').selectOption('me');
  await expect(carla).toBeVisible();
  await search.getByLabel('Assigned to').selectOption('none');
  await expect(carla).toHaveCount(0);
  await search.getByLabel('Assigned to').selectOption('');
  await expect(carla).toBeVisible();

  await thread.getByRole('button', { name: 'Archive' }).click();
  await expect(thread).toContainText('This conversation is Archived');
  await expect(
    page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /Carla/ }),
  ).toHaveCount(0);
});

test('outside the 24-hour window the composer sends an approved template with its parameters', async ({
  page,
}) => {
  await whatsappText('+5491155550910', 'Hi, any news about my trip?', 'Diego');
  let conversationId: string | undefined;
  for (let i = 0; i < 100 && !conversationId; i++) {
    [{ id: conversationId } = { id: undefined }] = await query<{ id: string }>(
      `SELECT id FROM whatsapp_conversations WHERE customer_phone = '+5491155550910'`,
    );
    if (!conversationId) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // Two days later: the customer's window has closed.
  await query(`UPDATE whatsapp_conversations SET last_inbound_at = now() - interval '2 days' WHERE id = $1`, [
    conversationId,
  ]);
  await signInWithKey(page, managerKey(), `/inbox/${conversationId}`);
  const thread = page.getByRole('region', { name: 'Diego' });
  await expect(thread).toContainText('Window closed');
  await expect(thread.getByLabel('Reply')).toHaveCount(0);
  await thread.getByLabel('Approved template').selectOption({ label: 'trip_broadcast (en)' });
  await thread.getByLabel('Parameter 1').fill('TRP777');
  await thread.getByLabel('Parameter 2').fill('departure confirmed for March 14');
  await expect(thread.getByLabel('What the customer will read')).toContainText(
    'Trip TRP777: departure confirmed for March 14.',
  );
  await thread.getByRole('button', { name: 'Send template' }).click();
  const bubble = thread.getByRole('listitem').filter({ hasText: 'Template trip_broadcast' });
  await expect(bubble).toContainText('Sent', { timeout: 20_000 });
  await screenshot(page, 'inbox-template');
});

test('contacts show who wrote, and staff set their language and tags', async ({ page }) => {
  await signInWithKey(page, managerKey(), '/contacts');
  await page.getByLabel('Search name or phone').fill('Diego');
  await page.getByRole('button', { name: 'Diego' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Language').selectOption('es');
  await dialog.getByLabel('Tags').fill('vip, march');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await page.getByLabel('Search name or phone').fill('');
  await expect(page.getByRole('row', { name: /Diego/ })).toContainText('vip, march');
  await expectAccessible(page, 'contacts');
  await screenshot(page, 'contacts');
});
