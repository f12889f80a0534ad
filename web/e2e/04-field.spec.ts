import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { callApi, query, whatsappText } from './support/backdoor';
import { managerKey, signInWithKey } from './support/session';

/** Whether a message containing `text` went out to `phone` (as a template parameter or free text). */
const sentTo = async (phone: string, text: string) =>
  (
    await query(
      `SELECT 1 FROM whatsapp_messages WHERE customer_phone = $1 AND direction = 'OUTBOUND' AND content::text LIKE $2`,
      [phone, `%${text}%`],
    )
  ).length > 0;

test('a guide’s ISSUE appears on Incidents and the trip, is acknowledged, updated and resolved from the console', async ({
  page,
}) => {
  const key = managerKey();
  const guide = await callApi(key, 'POST', '/users', {
    name: 'Gabo Guide',
    phone: '+14155550301',
    role: 'field_staff',
  });
  await callApi(key, 'POST', '/trips', {
    code: 'TRP888',
    name: 'Torres del Paine',
    departureDate: '2027-01-10',
  });
  await callApi(key, 'POST', '/trips/TRP888/assignments', { userId: guide.id });
  // A customer booked on the trip, to be told of the incident.
  // Named unlike the customers of later specs, which find theirs by name in the inbox.
  const customer = '+5491155550888';
  await whatsappText(customer, 'Hola, quiero ir a Torres del Paine', 'Valentina');
  await expect
    .poll(async () => (await query(`SELECT 1 FROM leads WHERE customer_phone = $1`, [customer])).length, {
      timeout: 20_000,
    })
    .toBe(1);
  const [lead] = await query<{ id: string }>(`SELECT id FROM leads WHERE customer_phone = $1`, [customer]);
  await callApi(key, 'POST', `/leads/${lead.id}/convert`, {
    tripCode: 'TRP888',
    partySize: 1,
    amount: 700,
    currency: 'USD',
  });

  await signInWithKey(page, key, '/incidents');
  await expect(page.getByRole('status').filter({ hasText: 'Live' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('unresolved');
  await whatsappText('+14155550301', 'ISSUE TRP888 vehicle breakdown at the checkpoint', 'Gabo');
  // No reload: incident.created refreshes the list of what is open or acknowledged.
  const row = page.getByRole('row', { name: /vehicle breakdown/ });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('TRP888');
  await expect(row).toContainText('Open');
  const incident = async () =>
    (
      await query<{
        ref: string;
        status: string;
        acknowledged_by: string | null;
        resolution_note: string | null;
      }>(
        `SELECT ref, status, acknowledged_by, resolution_note FROM incidents WHERE description LIKE '%vehicle breakdown%'`,
      )
    )[0];
  const { ref } = await incident();

  await page.getByRole('link', { name: 'TRP888' }).click();
  await expect(page.getByRole('heading', { name: 'TRP888 · Torres del Paine' })).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Timeline' }).or(page.locator('section', { hasText: 'Timeline' })),
  ).toContainText('vehicle breakdown at the checkpoint');
  await expect(page.locator('section', { hasText: 'Assigned staff' })).toContainText('Gabo Guide');
  await page.goBack();

  // Acknowledged: it stays in the default view, and the guide is told.
  await row.getByRole('button', { name: `Acknowledge ${ref}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${ref} acknowledged.` })).toBeVisible();
  await expect(row).toContainText('Acknowledged');
  await expect(row.getByRole('button', { name: `Acknowledge ${ref}` })).toHaveCount(0);
  expect(await incident()).toMatchObject({ status: 'acknowledged', acknowledged_by: expect.any(String) });
  await expect.poll(() => sentTo('+14155550301', 'Acknowledged'), { timeout: 20_000 }).toBe(true);

  // The trip still lists it among its open incidents, acknowledged, and by whom.
  await row.getByRole('link', { name: 'TRP888' }).click();
  const onTrip = page
    .locator('section', { hasText: 'Open incidents' })
    .getByRole('listitem')
    .filter({ hasText: 'vehicle breakdown' });
  await expect(onTrip).toContainText(ref);
  await expect(onTrip).toContainText('Acknowledged');
  await expect(onTrip).toContainText('Marta Manager');
  await page.goBack();

  // A progress update: the note to the guide, a message of its own to the trip's customers.
  await row.getByRole('button', { name: `Add update to ${ref}` }).click();
  const update = page.getByRole('dialog', { name: `Update on ${ref}` });
  await expect(update).toContainText('vehicle breakdown at the checkpoint');
  await update.getByLabel('Progress note').fill('backup van on its way');
  await update.getByLabel('Tell the trip’s customers').check();
  const message = 'Your departure is two hours late: a new van is on its way.';
  await update.getByLabel('Message to the customers').fill(message);
  await expectAccessible(page, 'an incident’s update');
  await update.getByRole('button', { name: 'Add update' }).click();
  await expect(update).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `Update added to ${ref}.` })).toContainText(
    'Customers told: 1.',
  );
  await expect(row).toContainText('Acknowledged');
  const [note] = await query(
    `SELECT u.kind, u.note, u.customer_message, u.customers_notified FROM incident_updates u
       JOIN incidents i ON i.id = u.incident_id WHERE i.ref = $1 AND u.kind = 'note'`,
    [ref],
  );
  expect(note).toEqual({
    kind: 'note',
    note: 'backup van on its way',
    customer_message: message,
    customers_notified: 1,
  });
  await expect.poll(() => sentTo(customer, message), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => sentTo('+14155550301', 'backup van on its way'), { timeout: 20_000 }).toBe(true);

  // Its history, from its ref: who reported and acknowledged it, then each update in order.
  await row.getByRole('button', { name: ref, exact: true }).click();
  const history = page.getByRole('dialog', { name: `Incident ${ref}` });
  await expect(history).toContainText('vehicle breakdown at the checkpoint');
  await expect(history.locator('dt:text-is("Status") + dd')).toHaveText('Acknowledged');
  await expect(history.locator('dt:text-is("Reported") + dd')).toContainText('Gabo Guide');
  await expect(history.locator('dt:text-is("Acknowledged") + dd')).toContainText('Marta Manager');
  const updates = history.getByRole('listitem');
  await expect(updates).toHaveCount(2);
  await expect(updates.nth(0)).toContainText('Acknowledged');
  await expect(updates.nth(0)).toContainText('Marta Manager');
  await expect(updates.nth(0)).toContainText('Customers not told.');
  await expect(updates.nth(1)).toContainText('Progress note');
  await expect(updates.nth(1)).toContainText('backup van on its way');
  await expect(updates.nth(1)).toContainText('Customers told: 1.');
  await expect(updates.nth(1)).toContainText(message);
  await expectAccessible(page, 'an incident’s history');
  await history.getByRole('button', { name: 'Close' }).click();
  await expect(history).toBeHidden();

  // Resolved from acknowledged: it leaves the default view.
  await row.getByRole('button', { name: `Resolve ${ref}` }).click();
  const dialog = page.getByRole('dialog', { name: `Resolve ${ref}` });
  await dialog.getByLabel('Resolution note').fill('replacement van arrived');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: `${ref} resolved.` })).toBeVisible();
  await expect(page.getByRole('row', { name: /vehicle breakdown/ })).toHaveCount(0);
  expect(await incident()).toMatchObject({ status: 'resolved', resolution_note: 'replacement van arrived' });
  await page.getByLabel('Status').selectOption('resolved');
  await expect(page.getByRole('row', { name: /vehicle breakdown/ })).toContainText('replacement van arrived');
});

test('a guide resolves an incident of their trip from the console, and their Settings show no error', async ({
  page,
}) => {
  const key = managerKey();
  const guide = await callApi<{ id: string; apiKey: string }>(key, 'POST', '/users', {
    name: 'Flor Field',
    phone: '+14155550302',
    role: 'field_staff',
  });
  await callApi(key, 'POST', '/trips/TRP888/assignments', { userId: guide.id });
  await whatsappText('+14155550302', 'ISSUE TRP888 flat tyre near the lake', 'Flor');
  await expect
    .poll(async () => (await query(`SELECT 1 FROM incidents WHERE description LIKE '%flat tyre%'`)).length, {
      timeout: 20_000,
    })
    .toBe(1);

  await signInWithKey(page, guide.apiKey, '/incidents');
  const row = page.getByRole('row', { name: /flat tyre/ });
  await expect(row).toContainText('Open');
  // Acknowledging and progress updates are for operations; a guide opens its history and resolves.
  await expect(row.getByRole('button')).toHaveText([/^INC-\d+$/, 'Resolve']);
  await row.getByRole('button', { name: /^Resolve INC-\d+$/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Resolution note').fill('tyre changed');
  await dialog.getByRole('button', { name: 'Resolve' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /flat tyre/ })).toHaveCount(0);
  const [resolved] = await query(
    `SELECT status, resolved_by, resolution_note FROM incidents WHERE description LIKE '%flat tyre%'`,
  );
  expect(resolved).toEqual({ status: 'resolved', resolved_by: guide.id, resolution_note: 'tyre changed' });

  // Settings shows a guide only what they may use: no card answering 403.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link')).toHaveText([
    'Signed-in sessions',
  ]);
  await page.waitForLoadState('networkidle');
  await expect(page.getByRole('heading', { level: 2, name: 'Signed-in sessions' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
