import type http from 'node:http';
import type { FakeProviderServer, FakeRequest } from './FakeProviderServer';
import { sendJson } from './FakeProviderServer';

/** A business phone number as Meta's `GET /{phone-number-id}?fields=…` describes it. */
export interface FakeMetaNumber {
  id: string;
  display_phone_number: string;
  verified_name: string;
  quality_rating: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';
  messaging_limit_tier?: string;
  name_status?: string;
  code_verification_status?: string;
}

export interface FakeTwilioAccount {
  sid: string;
  authToken: string;
  status: 'active' | 'suspended' | 'closed';
  friendlyName?: string;
}

/**
 * What `connections test` asks the providers, in their formats:
 * - Meta `GET /{version}/{phone-number-id}?fields=…` (bearer token from `server.tokens`), answering
 *   only the fields asked for; an unknown id falls through to the media lookup (Graph's code 100);
 * - Twilio `GET /2010-04-01/Accounts/{sid}.json` (HTTP Basic) — the Account resource, which
 *   carries the auth token itself, as Twilio's does;
 * - 360dialog `GET /v1/configs/webhook` (`D360-API-KEY` from `server.apiKeys`).
 */
export class FakeConnectionApi {
  readonly metaNumbers = new Map<string, FakeMetaNumber>();
  readonly twilioAccounts = new Map<string, FakeTwilioAccount>();
  /** The webhook URL registered for each 360dialog API key. */
  readonly dialog360Webhooks = new Map<string, string>();

  constructor(private readonly server: FakeProviderServer) {
    server.route('GET', '/2010-04-01/Accounts/:sidJson', (req, res) => this.twilioAccount(req, res));
    server.route('GET', '/v1/configs/webhook', (req, res) => this.dialogWebhook(req, res));
  }

  /** Answers a Meta phone-number lookup and returns true; false for ids that are not numbers (media). */
  answerNumber(req: FakeRequest, res: http.ServerResponse): boolean {
    const number = this.metaNumbers.get(req.params.mediaId);
    const fields = req.query.get('fields');
    if (!number || !fields) return false;
    if (!this.server.authorize(req, res)) return true;
    const asked = ['id', ...fields.split(',')];
    sendJson(res, 200, Object.fromEntries(Object.entries(number).filter(([k]) => asked.includes(k))));
    return true;
  }

  private twilioAccount(req: FakeRequest, res: http.ServerResponse): void {
    const sid = req.params.sidJson.replace(/\.json$/, '');
    const account = this.twilioAccounts.get(sid);
    const expected = account && `Basic ${Buffer.from(`${sid}:${account.authToken}`).toString('base64')}`;
    if (!account || req.headers.authorization !== expected)
      return sendJson(res, 401, {
        code: 20003,
        message: 'Authenticate',
        more_info: 'https://www.twilio.com/docs/errors/20003',
        status: 401,
      });
    sendJson(res, 200, {
      sid,
      owner_account_sid: sid,
      friendly_name: account.friendlyName ?? 'My first Twilio account',
      status: account.status,
      type: 'Full',
      auth_token: account.authToken,
      date_created: 'Thu, 30 Jul 2015 20:00:00 +0000',
      date_updated: 'Thu, 30 Jul 2015 20:00:00 +0000',
      uri: `/2010-04-01/Accounts/${sid}.json`,
    });
  }

  private dialogWebhook(req: FakeRequest, res: http.ServerResponse): void {
    if (!this.server.authorize(req, res)) return;
    const url = this.dialog360Webhooks.get(String(req.headers['d360-api-key']));
    sendJson(res, 200, url ? { url } : {});
  }
}
