import crypto from 'node:crypto';
import type http from 'node:http';
import { answerFailure, graphError } from './fakeFailures';
import type { FakeOutboundApi } from './FakeOutboundApi';
import type { FakeProviderServer, FakeRequest } from './FakeProviderServer';
import { sendJson } from './FakeProviderServer';

/** A template as Meta lists it. */
export interface FakeTemplate {
  id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  components: unknown[];
  rejected_reason?: string;
}

/**
 * Template management on the fake server:
 * - Meta `GET|POST /{version}/{waba-id}/message_templates` (bearer token), paged with `limit` and
 *   an `after` cursor, `paging.next` pointing back at the fake;
 * - 360dialog `GET|POST /v1/configs/templates` (`D360-API-KEY`), paged with `limit`/`offset`,
 *   statuses in lower case as 360dialog writes them.
 * `existing` holds what exists (add entries to seed it); a submission is stored as PENDING.
 * `pageSize` caps every page; `outbound.failNext('templates', …)` fails the next call.
 */
export class FakeTemplateApi {
  readonly existing: FakeTemplate[] = [];
  pageSize = 100;

  constructor(
    private readonly server: FakeProviderServer,
    private readonly outbound: FakeOutboundApi,
  ) {
    server.route('GET', '/:version/:wabaId/message_templates', (req, res) => this.metaList(req, res));
    server.route('POST', '/:version/:wabaId/message_templates', (req, res) => this.submit(req, res, 'meta'));
    server.route('GET', '/v1/configs/templates', (req, res) => this.dialogList(req, res));
    server.route('POST', '/v1/configs/templates', (req, res) => this.submit(req, res, '360dialog'));
  }

  private allowed(req: FakeRequest, res: http.ServerResponse): boolean {
    return this.server.authorize(req, res) && !this.outbound.failed('templates', res);
  }

  private metaList(req: FakeRequest, res: http.ServerResponse): void {
    if (!this.allowed(req, res)) return;
    const limit = Math.min(Number(req.query.get('limit') ?? 25), this.pageSize);
    const after = Number(req.query.get('after') ?? 0);
    const data = this.existing.slice(after, after + limit);
    const end = after + data.length;
    const next = new URL(`${this.server.url}${req.path}`);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('after', String(end));
    sendJson(res, 200, {
      data,
      paging: {
        cursors: { before: String(after), after: String(end) },
        ...(end < this.existing.length ? { next: next.toString() } : {}),
      },
    });
  }

  private dialogList(req: FakeRequest, res: http.ServerResponse): void {
    if (!this.allowed(req, res)) return;
    const limit = Math.min(Number(req.query.get('limit') ?? 1000), this.pageSize);
    const offset = Number(req.query.get('offset') ?? 0);
    const page = this.existing.slice(offset, offset + limit);
    sendJson(res, 200, {
      count: page.length,
      filters: {},
      limit,
      offset,
      sort: ['id'],
      total: this.existing.length,
      waba_templates: page.map((t) => ({
        ...t,
        status: t.status.toLowerCase(),
        namespace: 'fake_namespace',
      })),
    });
  }

  private submit(req: FakeRequest, res: http.ServerResponse, provider: 'meta' | '360dialog'): void {
    if (!this.allowed(req, res)) return;
    const body = JSON.parse(req.body.toString('utf8')) as Omit<FakeTemplate, 'id' | 'status'>;
    if (this.existing.some((t) => t.name === body.name && t.language === body.language))
      return answerFailure(
        res,
        graphError(100, { subcode: 2388024, details: 'Content in this language already exists' }),
      );
    const template: FakeTemplate = {
      id: String(crypto.randomInt(1e14, 2e14)),
      name: body.name,
      language: body.language,
      category: body.category,
      components: body.components,
      status: 'PENDING',
    };
    this.existing.push(template);
    if (provider === 'meta')
      return sendJson(res, 200, { id: template.id, status: 'PENDING', category: template.category });
    sendJson(res, 201, {
      ...template,
      status: 'submitted',
      namespace: 'fake_namespace',
      rejected_reason: 'NONE',
    });
  }
}
