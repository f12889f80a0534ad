import crypto from 'node:crypto';
import type http from 'node:http';
import { answerFailure, graphError, twilioError, type FakeFailure } from './fakeFailures';
import type { FakeProviderServer, FakeRequest } from './FakeProviderServer';
import { sendJson } from './FakeProviderServer';

export type FakeOperation = 'send' | 'read' | 'upload' | 'templates';

/** A message the fake accepted. */
export interface FakeSent {
  provider: 'meta' | '360dialog' | 'twilio';
  /** When the fake accepted it (ms since the epoch). */
  at: number;
  providerMessageId: string;
  /** Meta: the phone number id in the path; Twilio: the account SID; 360dialog: the API key. */
  account: string;
  /** Cloud API: the JSON payload. Twilio: the form fields (a repeated field keeps its last value). */
  body: Record<string, unknown>;
}

export interface FakeUpload {
  provider: 'meta' | '360dialog';
  mediaId: string;
  fields: Record<string, string>;
  file: { name: string; type: string; bytes: Buffer };
}

/**
 * The providers' send APIs on the fake server:
 * - Meta `POST /{version}/{phone-number-id}/messages|media` (bearer token in `fake.tokens`),
 * - 360dialog `POST /messages|media` (`D360-API-KEY` in `fake.apiKeys`),
 * - Twilio `POST /2010-04-01/Accounts/{sid}/Messages.json` (basic auth against `twilioAccounts`),
 *   WhatsApp (`whatsapp:+…` addresses) or SMS (plain E.164).
 * Accepted sends land in `sent`, read receipts in `reads`, uploads in `uploads`, with real success
 * bodies (`wamid.…`, `SM…`). `failNext(operation, failure, times)` makes the next `times` calls of
 * that operation fail instead (queued failures are used in order); see fakeFailures.ts.
 */
export class FakeOutboundApi {
  readonly sent: FakeSent[] = [];
  readonly reads: string[] = [];
  /** Read receipts that carried the typing indicator (their message ids). */
  readonly typing: string[] = [];
  readonly uploads: FakeUpload[] = [];
  /** Twilio account SID → auth token. */
  readonly twilioAccounts = new Map<string, string>();
  /** When set, each accepted Cloud API send gets its status webhooks, as Meta posts them. */
  statusWebhooks?: { accepted(sent: FakeSent): void };
  private readonly failures: Record<FakeOperation, FakeFailure[]> = {
    send: [],
    read: [],
    upload: [],
    templates: [],
  };

  constructor(private readonly server: FakeProviderServer) {
    server.route('POST', '/:version/:phoneNumberId/messages', (req, res) => this.cloudApi(req, res, 'meta'));
    server.route('POST', '/messages', (req, res) => this.cloudApi(req, res, '360dialog'));
    server.route('POST', '/:version/:phoneNumberId/media', (req, res) => this.upload(req, res, 'meta'));
    server.route('POST', '/media', (req, res) => this.upload(req, res, '360dialog'));
    server.route('POST', '/2010-04-01/Accounts/:sid/Messages.json', (req, res) => this.twilio(req, res));
  }

  failNext(operation: FakeOperation, failure: FakeFailure, times = 1): this {
    for (let i = 0; i < times; i++) this.failures[operation].push(failure);
    return this;
  }

  /** Answers the next queued failure of `operation`; false when none is queued. */
  failed(operation: FakeOperation, res: http.ServerResponse): boolean {
    const failure = this.failures[operation].shift();
    if (!failure) return false;
    answerFailure(res, failure);
    return true;
  }

  private cloudApi(req: FakeRequest, res: http.ServerResponse, provider: 'meta' | '360dialog'): void {
    if (!this.server.authorize(req, res)) return;
    const body = parseJson(req.body);
    if (body?.messaging_product !== 'whatsapp')
      return answerFailure(res, graphError(100, { details: 'messaging_product must be whatsapp' }));
    if (body.status === 'read') {
      if (this.failed('read', res)) return;
      this.reads.push(String(body.message_id));
      if (body.typing_indicator) this.typing.push(String(body.message_id));
      return sendJson(res, 200, { success: true });
    }
    if (this.failed('send', res)) return;
    if (typeof body.to !== 'string' || typeof body.type !== 'string')
      return answerFailure(res, graphError(131008, { details: 'to and type are required' }));
    const providerMessageId = `wamid.${crypto.randomBytes(24).toString('base64')}`;
    const sent: FakeSent = {
      provider,
      at: Date.now(),
      providerMessageId,
      account: accountOf(req, provider),
      body,
    };
    this.sent.push(sent);
    this.statusWebhooks?.accepted(sent);
    sendJson(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: body.to, wa_id: body.to.replace(/\D/g, '') }],
      messages: [{ id: providerMessageId }],
    });
  }

  private async upload(req: FakeRequest, res: http.ServerResponse, provider: 'meta' | '360dialog') {
    if (!this.server.authorize(req, res)) return;
    if (this.failed('upload', res)) return;
    const form = await new Request('http://fake/', {
      method: 'POST',
      headers: { 'content-type': String(req.headers['content-type']) },
      body: req.body,
    }).formData();
    const file = form.get('file');
    if (!(file instanceof Blob) || form.get('messaging_product') !== 'whatsapp')
      return answerFailure(res, graphError(100, { details: 'file and messaging_product are required' }));
    const mediaId = String(crypto.randomInt(1e14, 2e14));
    const fields: Record<string, string> = {};
    for (const [key, value] of form) if (typeof value === 'string') fields[key] = value;
    const name = (file as Blob & { name?: string }).name ?? '';
    this.uploads.push({
      provider,
      mediaId,
      fields,
      file: { name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) },
    });
    sendJson(res, 200, { id: mediaId });
  }

  private twilio(req: FakeRequest, res: http.ServerResponse): void {
    const token = this.twilioAccounts.get(req.params.sid);
    const expected = token && `Basic ${Buffer.from(`${req.params.sid}:${token}`).toString('base64')}`;
    if (!expected || req.headers.authorization !== expected)
      return answerFailure(res, twilioError(20003, { message: 'Authenticate' }));
    if (this.failed('send', res)) return;
    const form = Object.fromEntries(new URLSearchParams(req.body.toString('utf8')));
    // WhatsApp (`whatsapp:+…` on both sides) or SMS (plain E.164 on both sides).
    const channel = (address?: string) =>
      address?.startsWith('whatsapp:+') ? 'whatsapp' : /^\+\d+$/.test(address ?? '') ? 'sms' : undefined;
    if (!channel(form.To) || channel(form.To) !== channel(form.From))
      return answerFailure(res, twilioError(21211, { message: `The 'To' number ${form.To} is not valid.` }));
    if (!form.Body && !form.MediaUrl && !form.ContentSid)
      return answerFailure(
        res,
        twilioError(21619, { message: 'A text message body or media URL must be specified.' }),
      );
    const sid = `SM${crypto.randomBytes(16).toString('hex')}`;
    this.sent.push({
      provider: 'twilio',
      at: Date.now(),
      providerMessageId: sid,
      account: req.params.sid,
      body: form,
    });
    sendJson(res, 201, twilioMessage(sid, req.params.sid, form));
  }
}

function accountOf(req: FakeRequest, provider: 'meta' | '360dialog'): string {
  return provider === 'meta' ? req.params.phoneNumberId : String(req.headers['d360-api-key']);
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(body.toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The Message resource Twilio answers a create with. */
function twilioMessage(sid: string, accountSid: string, form: Record<string, string>) {
  const now = new Date().toUTCString();
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.Body ?? '',
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From,
    messaging_service_sid: null,
    num_media: form.MediaUrl ? '1' : '0',
    num_segments: '1',
    price: null,
    price_unit: null,
    sid,
    status: 'queued',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}
