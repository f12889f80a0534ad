import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { query } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

test('a rejected template shows why, is changed and sent back to review, and is deleted after a confirmation', async ({
  page,
}) => {
  await query(
    `INSERT INTO whatsapp_templates (tenant_id, name, language, category, status, rejection_reason, components)
     SELECT id, 'promo_march', 'en', 'MARKETING', 'REJECTED', 'INVALID_FORMAT', $1::jsonb FROM tenants WHERE slug = 'default'`,
    [JSON.stringify([{ type: 'BODY', text: '{{1}} off in March' }])],
  );
  await signInWithKey(page, managerKey(), '/templates');
  const row = page.getByRole('row').filter({ hasText: 'promo_march' });
  await expect(row).toContainText('Rejected');
  await expect(row).toContainText('INVALID_FORMAT');

  await row.getByRole('button', { name: 'Change promo_march (en)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change promo_march (en)' });
  await expect(dialog).toContainText('Rejected: INVALID_FORMAT');
  await expect(dialog.getByLabel('Name')).toHaveAttribute('readonly', '');
  await dialog.getByLabel('Body').fill('Our March offer: {{1}} off every trip. Reply to book.');
  await dialog.getByLabel('Sample value for {{1}}').fill('15%');
  await expectAccessible(page, 'changing a rejected template');
  await dialog.getByRole('button', { name: 'Submit for approval' }).click();
  await expect(dialog).toHaveCount(0);
  // The console provider reviews at once; a real provider answers PENDING until it has.
  await expect(row).not.toContainText('Rejected');
  const [stored] = await query<{ status: string; components: Array<{ type: string; text?: string }> }>(
    `SELECT status, components FROM whatsapp_templates WHERE name = 'promo_march'`,
  );
  expect(stored.status).not.toBe('REJECTED');
  expect(stored.components.find((c) => c.type === 'BODY')?.text).toBe(
    'Our March offer: {{1}} off every trip. Reply to book.',
  );

  await row.getByRole('button', { name: 'Delete promo_march (en)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the template promo_march?' });
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Delete promo_march (en)' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0);
  expect(await query(`SELECT 1 FROM whatsapp_templates WHERE name = 'promo_march'`)).toHaveLength(0);
});
