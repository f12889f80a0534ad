import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi, query } from './support/backdoor';
import { managerKey, screenshot, signInWithKey } from './support/session';

test('Settings lists the WhatsApp numbers with their health, live, and tests one', async ({ page }) => {
  const key = managerKey();
  const { data } = await callApi<{ data: Array<{ id: string; phoneNumber: string | null }> }>(
    key,
    'GET',
    '/whatsapp/connections',
  );
  expect(data.length).toBeGreaterThan(0);
  await signInWithKey(page, key, '/settings');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  const card = page.getByRole('region', { name: 'WhatsApp numbers' });
  const row = card.getByRole('row').nth(1);
  await expect(row).toContainText('Active');

  // Tested elsewhere (another manager, the CLI): connection.health updates the row without reloading.
  await expect(row).toContainText('Never tested');
  await callApi(key, 'POST', `/whatsapp/connections/${data[0].id}/test`);
  await expect(row).toContainText('Works', { timeout: 20_000 });
  await expect(row).toContainText('High');

  // Tested here: the provider's answer is shown and announced.
  await card
    .getByRole('button', { name: /^Test / })
    .first()
    .click();
  const result = card.getByTestId('connection-test-result');
  await expect(result).toHaveAttribute('role', 'status');
  await expect(result).toContainText('works. The provider answered:');
  await expect(result).toContainText('Quality');
  await expect(result).toContainText('High');
  await expectAccessible(page, 'settings with connections');
  await screenshot(page, 'settings-connections');

  await page.getByLabel('Language').selectOption('es');
  const tarjeta = page.getByRole('region', { name: 'Números de WhatsApp' });
  await expect(tarjeta.getByRole('row').nth(1)).toContainText('Funciona');
  await expect(tarjeta.getByRole('columnheader', { name: 'Nivel de mensajería' })).toBeAttached();
  await page.getByLabel('Idioma').selectOption('en');
});

test('a manager adds a Twilio number with its credentials, changes it without retyping the secret, and removes it', async ({
  page,
}) => {
  await signInWithKey(page, managerKey(), '/settings');
  const card = page.getByRole('region', { name: 'WhatsApp numbers' });
  await card.getByRole('button', { name: 'Add a number' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a WhatsApp number' });
  await dialog.getByLabel('Provider').selectOption('twilio');
  await expect(dialog).toContainText('/api/whatsapp/webhook/twilio');
  // 360dialog's deliveries name the tenant they are for.
  await dialog.getByLabel('Provider').selectOption('360dialog');
  const [{ id: tenantId }] = await query<{ id: string }>(`SELECT id FROM tenants WHERE slug = 'default'`);
  await expect(dialog).toContainText(`/api/whatsapp/webhook?orgId=${tenantId}`);
  await dialog.getByLabel('Provider').selectOption('twilio');
  await dialog.getByLabel('Phone').fill('+5491155550199');
  await dialog.getByLabel('Account SID').fill('AC-not-a-sid');
  const token = 'e2e-twilio-auth-token-0123456789';
  await dialog.getByLabel('Auth token').fill(token);
  await expectAccessible(page, 'the add-a-number dialog');
  await dialog.getByRole('button', { name: 'Save' }).click();
  // The API checks the field and names it; nothing is added.
  await expect(dialog.getByRole('alert')).toContainText('twilioAccountSid');
  await dialog.getByLabel('Account SID').fill(`AC${'0123456789abcdef'.repeat(2)}`);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByRole('status')).toContainText('+5491155550199 saved.');
  const row = card.getByRole('row').filter({ hasText: '+5491155550199' });
  await expect(row).toContainText('twilio');

  // The secret is stored encrypted, never shown back.
  const [stored] = await query<{ row: string }>(
    `SELECT row_to_json(c)::text AS row FROM whatsapp_configurations c WHERE phone_number = $1`,
    ['+5491155550199'],
  );
  expect(stored.row).not.toContain(token);

  await row.getByRole('button', { name: 'Change +5491155550199' }).click();
  const edit = page.getByRole('dialog', { name: 'Change +5491155550199' });
  await expect(edit.getByLabel('Auth token')).toHaveValue('');
  await expect(edit).toContainText('Stored. Leave empty to keep it');
  await edit.getByLabel(/Mark customers’ messages read/).uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  const { data: after } = await callApi<{
    data: Array<{ phoneNumber: string; markAsRead: boolean; hasTwilioAuthToken: boolean }>;
  }>(managerKey(), 'GET', '/whatsapp/connections');
  expect(after.find((c) => c.phoneNumber === '+5491155550199')).toMatchObject({
    markAsRead: false,
    hasTwilioAuthToken: true,
  });

  await row.getByRole('button', { name: 'Remove +5491155550199' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove the number?' });
  await expect(confirm).toContainText('its credentials are deleted');
  await confirm.getByRole('button', { name: 'Remove' }).click();
  await expect(row).toHaveCount(0);
});
