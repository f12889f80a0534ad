import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The business Meta's Embedded Signup hands the console in the e2e run, and its 360dialog twin. */
export const E2E_SIGNUP = {
  appId: '1000000000000001',
  appSecret: 'e2e-app-secret',
  configId: '2000000000000002',
  code: 'e2e-signup-code',
  wabaId: '500000000000077',
  phoneNumberId: '700000000000077',
  display: '+1 555-030-0077',
  partnerId: 'e2ePartner',
  partnerKey: 'e2e-partner-key',
  channelId: 'e2eChannel1',
  channelPhone: '+54 9 11 5555-0078',
};
const TOKEN = 'EAAG-e2e-business-token';
const CHANNEL_KEY = 'e2e-channel-key';

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
const graphError = (code: number, message: string, subcode?: number) => ({
  error: { message, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'AE2Etrace' },
});

/**
 * The provider endpoints onboarding calls (SPEC §16), in Meta's and 360dialog's formats, for the
 * server the e2e run starts: one business whose code works once, one 360dialog channel.
 */
export async function startFakeProviders(): Promise<{ url: string; close(): void }> {
  let codeUsed = false;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const bearer = req.headers.authorization;
    const path = url.pathname.replace(/^\/v\d+\.\d+\//, '/');
    const route = `${req.method} ${path}`;
    req.resume();
    if (route === 'GET /oauth/access_token') {
      if (url.searchParams.get('client_secret') !== E2E_SIGNUP.appSecret)
        return send(res, 400, graphError(1, 'Error validating client secret.'));
      if (url.searchParams.get('code') !== E2E_SIGNUP.code)
        return send(res, 400, graphError(100, 'Invalid verification code format.', 36008));
      if (codeUsed) return send(res, 400, graphError(100, 'This authorization code has been used.', 36009));
      codeUsed = true;
      return send(res, 200, { access_token: TOKEN, token_type: 'bearer' });
    }
    if (route === 'GET /debug_token')
      return send(res, 200, {
        data: { app_id: E2E_SIGNUP.appId, type: 'SYSTEM_USER', expires_at: 0, is_valid: true, scopes: [] },
      });
    if (bearer === `Bearer ${TOKEN}`) {
      if (route === `POST /${E2E_SIGNUP.wabaId}/subscribed_apps`) return send(res, 200, { success: true });
      if (route === `POST /${E2E_SIGNUP.phoneNumberId}/register`) return send(res, 200, { success: true });
      if (route === `GET /${E2E_SIGNUP.phoneNumberId}`)
        return send(res, 200, {
          id: E2E_SIGNUP.phoneNumberId,
          display_phone_number: E2E_SIGNUP.display,
          verified_name: 'E2E Treks',
          quality_rating: 'GREEN',
          code_verification_status: 'VERIFIED',
        });
    }
    const partner = `/api/v2/partners/${E2E_SIGNUP.partnerId}`;
    if (req.headers['x-api-key'] === E2E_SIGNUP.partnerKey) {
      if (route === `POST ${partner}/channels/${E2E_SIGNUP.channelId}/api_keys`)
        return send(res, 201, {
          address: 'https://waba-v2.360dialog.io',
          api_key: CHANNEL_KEY,
          app_id: 'app',
          id: 'key',
        });
      if (route === `GET ${partner}/channels`)
        return send(res, 200, {
          count: 1,
          partner_channels: [
            {
              id: E2E_SIGNUP.channelId,
              setup_info: { phone_number: E2E_SIGNUP.channelPhone, phone_name: 'E2E Dialog' },
              waba_account: { external_id: '500000000000078' },
            },
          ],
          total: 1,
        });
    }
    if (route === 'POST /v1/configs/webhook' && req.headers['d360-api-key'] === CHANNEL_KEY)
      return send(res, 200, { url: 'registered' });
    send(res, 401, graphError(190, 'Invalid OAuth access token - Cannot parse access token'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}
