import crypto from 'node:crypto';
import type http from 'node:http';
import type { FakeRoute } from './FakeOnboardingApi';
import type { FakeProviderServer, FakeRequest } from './FakeProviderServer';
import { sendJson } from './FakeProviderServer';

/** 360dialog's partner API errors. */
const hubError = (status: number, message: string) => ({
  meta: { success: false, http_code: status, developer_message: message },
});

export interface FakeDialogChannel {
  id: string;
  phoneNumber: string;
  name: string;
  wabaId: string;
}

/**
 * 360dialog's partner API (`x-api-key`: the partner key) — `POST /api/v2/partners/{p}/channels/{c}/api_keys`,
 * `GET /api/v2/partners/{p}/channels?filters=` — and the channel's `POST /v1/configs/webhook`
 * (`D360-API-KEY`), as SPEC §16 calls them.
 */
export class FakeDialog360Partner {
  readonly channels = new Map<string, FakeDialogChannel>();
  /** Channel API key → the webhook it registered (url and headers). */
  readonly webhooks = new Map<string, { url: string; headers?: Record<string, string> }>();
  partner = { id: '', apiKey: '' };

  constructor(
    private readonly server: FakeProviderServer,
    on: FakeRoute,
  ) {
    on('POST', '/api/v2/partners/:partnerId/channels/:channelId/api_keys', 'api_keys', (req, res) =>
      this.apiKey(req, res),
    );
    on('GET', '/api/v2/partners/:partnerId/channels', 'channels', (req, res) => this.listChannels(req, res));
    on('POST', '/v1/configs/webhook', 'configs_webhook', (req, res) => this.dialogWebhook(req, res));
  }

  private allowed(req: FakeRequest, res: http.ServerResponse): boolean {
    if (req.params.partnerId === this.partner.id && req.headers['x-api-key'] === this.partner.apiKey)
      return true;
    sendJson(res, 401, hubError(401, 'Unauthorized'));
    return false;
  }

  private apiKey(req: FakeRequest, res: http.ServerResponse): void {
    if (!this.allowed(req, res)) return;
    const channel = this.channels.get(req.params.channelId);
    if (!channel) return sendJson(res, 404, hubError(404, `Channel ${req.params.channelId} not found`));
    const key = `d360-${crypto.randomBytes(12).toString('hex')}`;
    this.server.apiKeys.add(key);
    sendJson(res, 201, {
      address: this.server.url,
      api_key: key,
      app_id: `app-${channel.id}`,
      id: `key-${channel.id}`,
    });
  }

  private listChannels(req: FakeRequest, res: http.ServerResponse): void {
    if (!this.allowed(req, res)) return;
    const filters = JSON.parse(req.query.get('filters') ?? '{}') as { id?: string };
    const found = [...this.channels.values()].filter((c) => !filters.id || c.id === filters.id);
    sendJson(res, 200, {
      count: found.length,
      filters,
      limit: 1000,
      offset: 0,
      partner_channels: found.map((c) => ({
        id: c.id,
        client_id: `client-${c.id}`,
        status: 'ready',
        setup_info: { phone_number: c.phoneNumber, phone_name: c.name },
        waba_account: { id: `waba-${c.id}`, external_id: c.wabaId, name: c.name },
      })),
      sort: ['id'],
      total: found.length,
    });
  }

  private dialogWebhook(req: FakeRequest, res: http.ServerResponse): void {
    if (!this.server.authorize(req, res)) return;
    const key = String(req.headers['d360-api-key']);
    const body = JSON.parse(req.body.toString('utf8') || '{}') as {
      url?: string;
      headers?: Record<string, string>;
    };
    if (!body.url) return sendJson(res, 400, hubError(400, 'url is required'));
    this.webhooks.set(key, { url: body.url, headers: body.headers });
    this.server.connections.dialog360Webhooks.set(key, body.url);
    sendJson(res, 200, { url: body.url });
  }
}
