import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeConnectionApi } from './FakeConnectionApi';
import { FakeOnboardingApi } from './FakeOnboardingApi';
import { FakeOutboundApi } from './FakeOutboundApi';
import { FakeTemplateApi } from './FakeTemplateApi';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface FakeRequest extends RecordedRequest {
  /** The `:name` segments of the matched pattern. */
  params: Record<string, string>;
}

export type FakeHandler = (req: FakeRequest, res: http.ServerResponse) => void | Promise<void>;

export interface FakeMetaMedia {
  id: string;
  bytes: Buffer;
  mimeType?: string;
  /** What the lookup states instead of the real checksum (hex) and size. */
  sha256?: string;
  fileSize?: number;
  /** Answer the lookup with a 500 this many times first. */
  lookupFailures?: number;
  /** Answer the download with a 404 (URL expired) this many times first. */
  expiredDownloads?: number;
  /** Send the bytes without Content-Length (chunked), as a CDN may. */
  chunked?: boolean;
  /** The download waits for this before answering (a slow CDN). */
  hold?: Promise<void>;
}

export interface FakeTwilioMedia {
  accountSid: string;
  authToken: string;
  messageSid: string;
  mediaSid: string;
  bytes: Buffer;
  contentType?: string;
  /** The server the media URL redirects to (another fake, standing for Twilio's storage host). */
  storage?: FakeProviderServer;
}

interface Route {
  method: string;
  segments: string[];
  handler: FakeHandler;
}

const graphError = (
  code: number,
  message: string,
  fbtraceId: string,
  extra: Record<string, unknown> = {},
) => ({
  error: { message, type: 'OAuthException', code, ...extra, fbtrace_id: fbtraceId },
});

export const GRAPH_TOKEN_EXPIRED = graphError(
  190,
  'Error validating access token: Session has expired',
  'A1',
  { error_subcode: 463 },
);
export const GRAPH_INVALID_PARAMETER = graphError(100, '(#100) Invalid parameter', 'A2');
const GRAPH_NO_TOKEN = graphError(190, 'Invalid OAuth access token - Cannot parse access token', 'A3');
const GRAPH_TRANSIENT = graphError(
  2,
  'An unexpected error has occurred. Please retry your request later.',
  'A4',
  {
    is_transient: true,
  },
);
/** Where Meta's CDN lives; 360dialog lookups return URLs on it, which the client re-hosts. */
const META_LOOKASIDE = 'https://lookaside.fbsbx.com';

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function send(res: http.ServerResponse, bytes: Buffer, contentType: string, chunked = false): void {
  res.writeHead(200, { 'content-type': contentType, ...(chunked ? {} : { 'content-length': bytes.length }) });
  res.end(bytes);
}

/**
 * A local stand-in for the providers' HTTP APIs: a route registry (`route(method, '/:a/b', handler)`,
 * later registrations win) and a log of every request. Meta Graph media, 360dialog media and
 * Twilio media are built in; the send APIs (messages, read receipts, uploads) and their failure
 * controls live in `outbound` (FakeOutboundApi.ts), template management in `templates`.
 */
export class FakeProviderServer {
  readonly requests: RecordedRequest[] = [];
  /** Bearer tokens (Meta) and D360-API-KEYs (360dialog) the fake accepts. */
  readonly tokens = new Set<string>();
  readonly apiKeys = new Set<string>();
  /** Bearer tokens answered with Graph's "session has expired" (code 190). */
  readonly expiredTokens = new Set<string>();
  private readonly routes: Route[] = [];
  /** The send APIs: `outbound.sent`, `outbound.failNext('send', graphError(131047))`, … */
  readonly outbound: FakeOutboundApi;
  /** Template management: `templates.existing`, `templates.pageSize`. */
  readonly templates: FakeTemplateApi;
  /** What connection tests ask: Meta numbers, Twilio accounts, 360dialog webhook configs. */
  readonly connections: FakeConnectionApi;
  /** Meta Embedded Signup and 360dialog partner onboarding (SPEC §16). */
  readonly onboarding: FakeOnboardingApi;
  private readonly metaMedia = new Map<string, FakeMetaMedia>();
  private readonly twilioMedia = new Map<string, FakeTwilioMedia & { location: string }>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {
    this.outbound = new FakeOutboundApi(this);
    this.templates = new FakeTemplateApi(this, this.outbound);
    this.connections = new FakeConnectionApi(this);
    this.route('GET', '/:mediaId', (req, res) => this.lookup(req, res, META_LOOKASIDE));
    this.route('GET', '/:version/:mediaId', (req, res) =>
      this.connections.answerNumber(req, res) ? undefined : this.lookup(req, res, this.url),
    );
    this.onboarding = new FakeOnboardingApi(this);
    this.route('GET', '/whatsapp_business/attachments', (req, res) => this.download(req, res));
    this.route('GET', '/2010-04-01/Accounts/:sid/Messages/:messageSid/Media/:mediaSid', (req, res) =>
      this.twilio(req, res),
    );
  }

  static async start(): Promise<FakeProviderServer> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const fake = new FakeProviderServer(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  route(method: string, pattern: string, handler: FakeHandler): this {
    this.routes.unshift({ method, segments: pattern.split('/').filter(Boolean), handler });
    return this;
  }

  /** Serves fixed bytes at `path` without authentication (a storage host). */
  serveBytes(path: string, bytes: Buffer, contentType: string): string {
    this.route('GET', path, (_req, res) => send(res, bytes, contentType));
    return `${this.url}${path}`;
  }

  addMetaMedia(media: FakeMetaMedia): void {
    this.metaMedia.set(media.id, { ...media });
  }

  addTwilioMedia(media: FakeTwilioMedia): void {
    const storage = media.storage ?? this;
    const path = `/twilio-storage/${media.mediaSid}`;
    const location = storage.serveBytes(path, media.bytes, media.contentType ?? 'image/jpeg');
    this.twilioMedia.set(media.mediaSid, { ...media, location });
  }

  requestsTo(pathPrefix: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(pathPrefix));
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body: Buffer.concat(chunks),
    };
    this.requests.push(recorded);
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    for (const route of this.routes) {
      const params = match(route, recorded.method, segments);
      if (!params) continue;
      try {
        await route.handler({ ...recorded, params }, res);
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(error), code: 1 } });
        else res.destroy();
      }
      return;
    }
    sendJson(res, 404, { error: { message: `no fake route for ${recorded.method} ${url.pathname}` } });
  }

  /** Meta: a bearer token; 360dialog: D360-API-KEY. Answers the rejection itself and returns false. */
  authorize(req: FakeRequest, res: http.ServerResponse): boolean {
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const apiKey = req.headers['d360-api-key'];
    if (bearer && this.expiredTokens.has(bearer)) sendJson(res, 401, GRAPH_TOKEN_EXPIRED);
    else if ((bearer && this.tokens.has(bearer)) || (typeof apiKey === 'string' && this.apiKeys.has(apiKey)))
      return true;
    else sendJson(res, 401, GRAPH_NO_TOKEN);
    return false;
  }

  private lookup(req: FakeRequest, res: http.ServerResponse, downloadOrigin: string): void {
    if (!this.authorize(req, res)) return;
    const media = this.metaMedia.get(req.params.mediaId);
    if (!media) return sendJson(res, 400, GRAPH_INVALID_PARAMETER);
    if (media.lookupFailures) {
      media.lookupFailures--;
      return sendJson(res, 500, GRAPH_TRANSIENT);
    }
    const hash = crypto.randomBytes(8).toString('hex');
    sendJson(res, 200, {
      messaging_product: 'whatsapp',
      url: `${downloadOrigin}/whatsapp_business/attachments/?mid=${media.id}&ext=1789012675&hash=${hash}`,
      mime_type: media.mimeType ?? 'image/jpeg',
      sha256: media.sha256 ?? crypto.createHash('sha256').update(media.bytes).digest('hex'),
      file_size: String(media.fileSize ?? media.bytes.length),
      id: media.id,
    });
  }

  private async download(req: FakeRequest, res: http.ServerResponse): Promise<void> {
    if (!this.authorize(req, res)) return;
    const media = this.metaMedia.get(req.query.get('mid') ?? '');
    if (!media) return sendJson(res, 404, { error: { message: 'Not found' } });
    if (media.expiredDownloads) {
      media.expiredDownloads--;
      res.writeHead(404).end();
      return;
    }
    await media.hold;
    send(res, media.bytes, media.mimeType ?? 'image/jpeg', media.chunked);
  }

  private twilio(req: FakeRequest, res: http.ServerResponse): void {
    const media = this.twilioMedia.get(req.params.mediaSid);
    const expected =
      media && `Basic ${Buffer.from(`${media.accountSid}:${media.authToken}`).toString('base64')}`;
    if (!media || req.params.sid !== media.accountSid || req.params.messageSid !== media.messageSid)
      return sendJson(res, 404, {
        code: 20404,
        message: 'The requested resource was not found',
        status: 404,
      });
    if (req.headers.authorization !== expected)
      return sendJson(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    res.writeHead(302, { location: media.location }).end();
  }
}

function match(route: Route, method: string, segments: string[]): Record<string, string> | undefined {
  if (route.method !== method || route.segments.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of route.segments.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = segments[i];
    else if (part !== segments[i]) return undefined;
  }
  return params;
}
