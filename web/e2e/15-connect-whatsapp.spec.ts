import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/accessibility';
import { env, query } from './support/backdoor';
import { E2E_SIGNUP } from './support/fakeProviders';
import { managerKey, saveManagerKey, screenshot, signInWithKey } from './support/session';

/**
 * Meta's JS SDK, replaced by a stub that behaves as it does: FB.login opens a facebook.com window
 * (here a frame) which posts the `WA_EMBEDDED_SIGNUP` session message (sessionInfoVersion 3),
 * then the login callback hands over the code.
 */
const SDK_STUB = `
window.FB = {
  init: function (options) { window.__fbInit = options; },
  login: function (callback, options) {
    window.__fbLoginOptions = options;
    window.addEventListener('message', function once(event) {
      if (event.origin !== 'https://www.facebook.com') return;
      window.removeEventListener('message', once);
      setTimeout(function () { callback({ status: 'connected', authResponse: { code: '${E2E_SIGNUP.code}' } }); }, 50);
    });
    var frame = document.createElement('iframe');
    frame.title = 'Facebook';
    frame.src = 'https://www.facebook.com/e2e/embedded-signup';
    frame.style.display = 'none';
    document.body.appendChild(frame);
  }
};
setTimeout(function () { window.fbAsyncInit && window.fbAsyncInit(); }, 0);
`;
const SIGNUP_WINDOW = `<!doctype html><script>
parent.postMessage(JSON.stringify({ type: 'WA_EMBEDDED_SIGNUP', event: 'FINISH', version: '3',
  data: { phone_number_id: '${E2E_SIGNUP.phoneNumberId}', waba_id: '${E2E_SIGNUP.wabaId}' } }), '*');
</script>`;

async function aManagerKey(): Promise<string> {
  try {
    return managerKey();
  } catch {
    // Run on its own: create the first manager from the start-up link.
    const res = await fetch(`${env.baseURL}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        token: new URL(env.setupUrl).searchParams.get('token'),
        name: 'Marta Manager',
        phone: '+14155550100',
      }),
    });
    const { apiKey } = (await res.json()) as { apiKey: string };
    saveManagerKey(apiKey);
    return apiKey;
  }
}

async function stubMetaSdk(page: Page): Promise<void> {
  await page.route('https://connect.facebook.net/en_US/sdk.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: SDK_STUB }),
  );
  await page.route('https://www.facebook.com/e2e/embedded-signup', (route) =>
    route.fulfill({ contentType: 'text/html', body: SIGNUP_WINDOW }),
  );
}

test('a manager connects a number through Embedded Signup and watches each step finish', async ({ page }) => {
  await stubMetaSdk(page);
  await signInWithKey(page, await aManagerKey(), '/settings');
  const card = page.getByRole('region', { name: 'Connect WhatsApp' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: 'Connect with Facebook' }).click();

  const steps = card.getByRole('list', { name: 'Steps' });
  await expect(card.getByText(`+15550300077 is connected and active.`)).toBeVisible();
  for (const name of [
    'Get the business’s access token',
    'Subscribe to the account’s webhooks',
    'Register the number',
    'Read the number’s details',
    'Activate the connection',
  ])
    await expect(steps.getByRole('listitem').filter({ hasText: name })).toContainText('Done');
  expect(
    await page.evaluate(
      () =>
        (
          window as unknown as {
            __fbLoginOptions: { config_id: string; extras: { sessionInfoVersion: string } };
          }
        ).__fbLoginOptions,
    ),
  ).toMatchObject({
    config_id: E2E_SIGNUP.configId,
    response_type: 'code',
    extras: { sessionInfoVersion: '3' },
  });
  const [connection] = await query<{ status: string; source: string; phone_number_id: string }>(
    `SELECT status, source, phone_number_id FROM whatsapp_configurations WHERE phone_number_id = $1`,
    [E2E_SIGNUP.phoneNumberId],
  );
  expect(connection).toEqual({
    status: 'active',
    source: 'onboarding',
    phone_number_id: E2E_SIGNUP.phoneNumberId,
  });
  await expectAccessible(page, 'connect whatsapp');
  await screenshot(page, 'connect-whatsapp');

  // A reload keeps showing the onboarding (and a retry, had it failed).
  await page.reload();
  await expect(card.getByText(`+15550300077 is connected and active.`)).toBeVisible();

  // On a phone the card fits the width.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(card.getByRole('button', { name: 'Connect with Facebook' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('360dialog’s Connect button sends the business back with its channel, which is connected', async ({
  page,
}) => {
  await signInWithKey(page, await aManagerKey(), '/settings');
  const connect = page.getByRole('link', { name: 'Connect with 360dialog' });
  await expect(connect).toHaveAttribute(
    'href',
    new RegExp(`hub\\.360dialog\\.com/dashboard/app/${E2E_SIGNUP.partnerId}/permissions\\?redirect_url=`),
  );
  await page.goto(`${env.baseURL}/settings?client=e2eClient&channels=[${E2E_SIGNUP.channelId}]`);
  const card = page.getByRole('region', { name: 'Connect WhatsApp' });
  await expect(card.getByText('+5491155550078 is connected and active.')).toBeVisible();
  await expect(page).toHaveURL(`${env.baseURL}/settings`);

  // Both attempts are listed, newest first; the earlier one's steps open again.
  const history = card.getByRole('region', { name: 'Earlier attempts' });
  await expect(history.getByRole('row').nth(1)).toContainText('+5491155550078');
  await expect(history.getByRole('row').nth(1)).toContainText('360dialog');
  await expect(history.getByRole('row').nth(2)).toContainText('+15550300077');
  await history.getByRole('button', { name: 'Show the steps of +15550300077' }).click();
  await expect(card.getByText('+15550300077 is connected and active.')).toBeVisible();
  await expectAccessible(page, 'connect whatsapp with earlier attempts');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('region', { name: 'Conectar WhatsApp' })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');
});
