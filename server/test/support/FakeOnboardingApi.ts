import crypto from 'node:crypto';
import type http from 'node:http';
import type { FakeProviderServer, FakeRequest } from './FakeProviderServer';
import { sendJson } from './FakeProviderServer';
import { FakeDialog360Partner } from './FakeDialog360Partner';

/** A Graph error as Meta sends it: `{ error: { message, type, code, error_subcode, fbtrace_id } }`. */
export const graphError = (code: number, message: string, extra: Record<string, unknown> = {}) => ({
  error: {
    message,
    type: 'OAuthException',
    code,
    ...extra,
    fbtrace_id: `A${crypto.randomBytes(8).toString('base64url')}`,
  },
});
export const CODE_USED = (): object =>
  graphError(100, 'This authorization code has been used.', { error_subcode: 36009 });
export const CODE_INVALID = (): object =>
  graphError(
    100,
    'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
    { error_subcode: 36008 },
  );
export const PIN_MISMATCH = (): object =>
  graphError(133005, 'Two step verification PIN Mismatch', {
    error_data: { messaging_product: 'whatsapp', details: 'Two step verification PIN incorrect' },
  });
const PERMISSIONS = () => graphError(200, '(#200) Permissions error');
const CLIENT_SECRET = () => graphError(1, 'Error validating client secret.');

/** Registers a route whose next calls can be made to fail (`failNext`). */
export type FakeRoute = (
  method: string,
  path: string,
  name: OnboardingEndpoint,
  handler: (req: FakeRequest, res: http.ServerResponse) => void,
) => void;

export type OnboardingEndpoint =
  | 'access_token'
  | 'subscribed_apps'
  | 'register'
  | 'credit_sharing'
  | 'debug_token'
  | 'api_keys'
  | 'channels'
  | 'configs_webhook';

export interface FakeMetaBusiness {
  /** The business token the code exchanges for, and what it may touch. */
  token: string;
  wabaId: string;
  phoneNumberId: string;
  /** seconds since the epoch; 0: never expires. */
  expiresAt?: number;
}

/**
 * The endpoints of SPEC §16 in the providers' formats and errors:
 * - Graph `GET /{v}/oauth/access_token`, `POST /{v}/{waba}/subscribed_apps`,
 *   `POST /{v}/{phone-number-id}/register`, `POST /{v}/{credit-line}/whatsapp_credit_sharing_and_attach`,
 *   `GET /{v}/debug_token` (the number itself is `connections.metaNumbers`);
 * - 360dialog partner `POST /api/v2/partners/{p}/channels/{c}/api_keys`, `GET …/channels?filters=`,
 *   and the channel's `POST /v1/configs/webhook`.
 * `failNext(endpoint, status, body)` makes the next call to an endpoint fail that way.
 */
export class FakeOnboardingApi {
  readonly codes = new Map<string, FakeMetaBusiness & { used?: boolean }>();
  /** Phone-number id → the PIN it is registered with. */
  readonly registeredPins = new Map<string, string>();
  readonly subscribedWabas = new Set<string>();
  readonly creditShared = new Set<string>();
  app = { id: '', secret: '', systemUserToken: '', creditLineId: '' };
  /** 360dialog's partner API and the channel's webhook config. */
  readonly dialog360: FakeDialog360Partner;
  private readonly failures = new Map<OnboardingEndpoint, Array<{ status: number; body: object }>>();
  private readonly businesses = new Map<string, FakeMetaBusiness>();

  get channels() {
    return this.dialog360.channels;
  }
  get dialogWebhooks() {
    return this.dialog360.webhooks;
  }

  constructor(private readonly server: FakeProviderServer) {
    const on: FakeRoute = (
      method: string,
      path: string,
      name: OnboardingEndpoint,
      handler: (req: FakeRequest, res: http.ServerResponse) => void,
    ) => server.route(method, path, (req, res) => (this.failed(name, res) ? undefined : handler(req, res)));
    on('GET', '/:version/oauth/access_token', 'access_token', (req, res) => this.exchange(req, res));
    on('POST', '/:version/:wabaId/subscribed_apps', 'subscribed_apps', (req, res) =>
      this.subscribe(req, res),
    );
    on('POST', '/:version/:phoneNumberId/register', 'register', (req, res) => this.register(req, res));
    on('POST', '/:version/:creditLine/whatsapp_credit_sharing_and_attach', 'credit_sharing', (req, res) =>
      this.shareCredit(req, res),
    );
    on('GET', '/:version/debug_token', 'debug_token', (req, res) => this.debugToken(req, res));
    this.dialog360 = new FakeDialog360Partner(server, on);
  }

  failNext(endpoint: OnboardingEndpoint, status: number, body: object): void {
    this.failures.set(endpoint, [...(this.failures.get(endpoint) ?? []), { status, body }]);
  }

  private failed(endpoint: OnboardingEndpoint, res: http.ServerResponse): boolean {
    const next = this.failures.get(endpoint)?.shift();
    if (next) sendJson(res, next.status, next.body);
    return Boolean(next);
  }

  private business(req: FakeRequest): FakeMetaBusiness | undefined {
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    return bearer ? this.businesses.get(bearer) : undefined;
  }

  private exchange(req: FakeRequest, res: http.ServerResponse): void {
    if (req.query.get('client_id') !== this.app.id || req.query.get('client_secret') !== this.app.secret)
      return sendJson(res, 400, CLIENT_SECRET());
    const grant = this.codes.get(req.query.get('code') ?? '');
    if (!grant) return sendJson(res, 400, CODE_INVALID());
    if (grant.used) return sendJson(res, 400, CODE_USED());
    grant.used = true;
    this.businesses.set(grant.token, grant);
    this.server.tokens.add(grant.token);
    sendJson(res, 200, { access_token: grant.token, token_type: 'bearer' });
  }

  private subscribe(req: FakeRequest, res: http.ServerResponse): void {
    if (this.business(req)?.wabaId !== req.params.wabaId) return sendJson(res, 403, PERMISSIONS());
    this.subscribedWabas.add(req.params.wabaId);
    sendJson(res, 200, { success: true });
  }

  private register(req: FakeRequest, res: http.ServerResponse): void {
    if (this.business(req)?.phoneNumberId !== req.params.phoneNumberId)
      return sendJson(res, 403, PERMISSIONS());
    const body = JSON.parse(req.body.toString('utf8') || '{}') as {
      messaging_product?: string;
      pin?: string;
    };
    if (body.messaging_product !== 'whatsapp' || !/^\d{6}$/.test(body.pin ?? ''))
      return sendJson(res, 400, graphError(100, '(#100) Invalid parameter'));
    const registered = this.registeredPins.get(req.params.phoneNumberId);
    if (registered && registered !== body.pin) return sendJson(res, 400, PIN_MISMATCH());
    this.registeredPins.set(req.params.phoneNumberId, body.pin as string);
    sendJson(res, 200, { success: true });
  }

  private shareCredit(req: FakeRequest, res: http.ServerResponse): void {
    if (
      req.headers.authorization !== `Bearer ${this.app.systemUserToken}` ||
      req.params.creditLine !== this.app.creditLineId
    )
      return sendJson(res, 403, PERMISSIONS());
    const wabaId = req.query.get('waba_id') ?? '';
    if (req.query.get('waba_currency') !== 'USD' || !wabaId)
      return sendJson(res, 400, graphError(100, '(#100) Invalid parameter'));
    this.creditShared.add(wabaId);
    sendJson(res, 200, { allocation_config_id: `58${wabaId.slice(-6)}`, waba_id: wabaId });
  }

  private debugToken(req: FakeRequest, res: http.ServerResponse): void {
    if (req.headers.authorization !== `Bearer ${this.app.id}|${this.app.secret}`)
      return sendJson(res, 400, CLIENT_SECRET());
    const business = this.businesses.get(req.query.get('input_token') ?? '');
    if (!business)
      return sendJson(res, 200, {
        data: { error: { code: 190, message: 'Invalid OAuth access token.' }, is_valid: false, scopes: [] },
      });
    sendJson(res, 200, {
      data: {
        app_id: this.app.id,
        type: 'SYSTEM_USER',
        application: 'wa-ops test app',
        data_access_expires_at: 0,
        expires_at: business.expiresAt ?? 0,
        is_valid: true,
        scopes: ['whatsapp_business_management', 'whatsapp_business_messaging'],
        granular_scopes: [
          { scope: 'whatsapp_business_management', target_ids: [business.wabaId] },
          { scope: 'whatsapp_business_messaging', target_ids: [business.wabaId] },
        ],
      },
    });
  }
}
