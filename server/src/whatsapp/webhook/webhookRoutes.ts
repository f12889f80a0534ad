import express, { Router, type Request, type Response } from 'express';
import { AuthenticationError, UnavailableError, ValidationError } from '../../shared/errors/AppError';
import type { Logger } from '../../shared/logging/createLogger';
import type { Metrics, WebhookOutcome } from '../../shared/metrics/Metrics';
import { PhoneNumber } from '../../shared/phone/PhoneNumber';
import type { ProviderName } from '../../shared/providers';
import type { TenantDirectory } from '../configuration/TenantDirectory';
import type { InboundEvent } from '../inbound/InboundEvent';
import { MalformedDeliveryError } from '../inbound/MalformedDeliveryError';
import { parseMetaDelivery } from '../inbound/MetaWebhookParser';
import { parseTwilioDelivery } from '../inbound/TwilioWebhookParser';
import { UnstorableDeliveryError, type WebhookInbox } from '../inbox/WebhookInbox';
import { constantTimeEquals } from './constantTimeEquals';
import { exceedsNesting } from './exceedsNesting';
import { verify360dialog, verifyMeta, verifyTwilio } from './verifyDelivery';

export interface WebhookDeps {
  directory: TenantDirectory;
  inbox: WebhookInbox;
  logger: Logger;
  publicBaseUrl: string;
  metrics?: Metrics;
}

/** Deeper than any provider's envelope (about ten levels) by far; see exceedsNesting. */
const MAX_NESTING = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keep the raw bytes: signatures are over them, not over a re-serialised body. */
const rawBody = express.raw({ type: () => true, limit: '1mb' });

export function webhookRoutes(deps: WebhookDeps): Router {
  const router = Router();

  router.get('/api/whatsapp/webhook', async (req, res) => {
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    const tokens = (await deps.directory.all()).map((c) => c.verifyToken).filter((t): t is string => !!t);
    const ok =
      mode === 'subscribe' && typeof token === 'string' && tokens.some((t) => constantTimeEquals(t, token));
    if (!ok || typeof challenge !== 'string') {
      res.status(403).type('text/plain').send('verification failed');
      return;
    }
    res.status(200).type('text/plain').send(challenge);
  });

  // One endpoint for both Cloud API providers: 360dialog deliveries carry ?orgId=.
  const cloudApiProviderOf = (req: Request) => (typeof req.query.orgId === 'string' ? '360dialog' : 'meta');
  router.post(
    '/api/whatsapp/webhook',
    rawBody,
    measured(deps.metrics, cloudApiProviderOf, async (req, res) => {
      const raw = bodyOf(req);
      const orgId = typeof req.query.orgId === 'string' ? req.query.orgId : undefined;
      let provider: ProviderName = 'meta';
      let tenantId: string | undefined;
      if (orgId) {
        const config = UUID.test(orgId) ? await deps.directory.forTenant(orgId, '360dialog') : undefined;
        const headers = {
          signature: req.get('x-360dialog-signature'),
          secretHeader: req.get('x-webhook-secret'),
        };
        if (!config || !verify360dialog(raw, headers, config)) throw unauthorized();
        [provider, tenantId] = ['360dialog', config.tenantId];
      } else if (
        // The console channel speaks Meta's format (wa-ops simulate).
        !verifyMeta(raw, req.get('x-hub-signature-256'), await deps.directory.ofProvider('meta', 'console'))
      ) {
        throw unauthorized();
      }
      const text = raw.toString('utf8');
      const payload = parseJson(text);
      const events = validated(() => parseMetaDelivery(payload));
      tenantId ??= await singleTenant(deps.directory, events);
      return store(deps, res, {
        provider,
        tenantId,
        payload,
        payloadJson: text,
        signature: req.get('x-hub-signature-256'),
        rawBody: raw,
      });
    }),
  );

  router.post(
    '/api/whatsapp/webhook/twilio',
    rawBody,
    measured(
      deps.metrics,
      () => 'twilio',
      async (req, res) => {
        const raw = bodyOf(req);
        const params = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
        const url = deps.publicBaseUrl + req.originalUrl;
        const header = req.get('x-twilio-signature');
        const business = businessNumber(params);
        const twilio = await deps.directory.ofProvider('twilio');
        const candidates = twilio.filter((c) => c.phoneNumber === business);
        const config = verifyTwilio(url, params, header, candidates.length ? candidates : twilio);
        if (!config) throw unauthorized();
        const events = validated(() => parseTwilioDelivery(params));
        const tenantId = candidates.length ? config.tenantId : await singleTenant(deps.directory, events);
        return store(
          deps,
          res,
          { provider: 'twilio', tenantId, payload: params, signature: header, rawBody: raw },
          '<Response/>',
        );
      },
    ),
  );

  return router;
}

async function store(
  deps: WebhookDeps,
  res: Response,
  delivery: Parameters<WebhookInbox['store']>[0],
  twiml?: string,
): Promise<WebhookOutcome> {
  let stored;
  try {
    stored = await deps.inbox.store(delivery);
  } catch (error) {
    if (error instanceof UnstorableDeliveryError) {
      // Its content, not the database, is the problem: a retry would fail the same way.
      deps.logger.warn({ err: error.cause }, 'webhook refused by the database');
      throw new ValidationError(
        'Delivery cannot be stored',
        [{ field: 'body', message: 'refused by the database' }],
        'UNSTORABLE_DELIVERY',
      );
    }
    // Never acknowledge what was not written: the provider will redeliver.
    deps.logger.error({ err: error }, 'webhook not stored');
    throw new UnavailableError('Delivery could not be stored; retry later');
  }
  if (twiml) res.status(200).type('text/xml').send(twiml);
  else res.status(200).json({ received: true, duplicate: stored.duplicate });
  return stored.duplicate ? 'duplicate' : 'stored';
}

type Handler = (req: Request, res: Response) => Promise<WebhookOutcome>;

/** Counts each delivery by outcome and times it to the acknowledgement (two cheap calls per request). */
function measured(metrics: Metrics | undefined, provider: (req: Request) => string, handler: Handler) {
  if (!metrics) return handler;
  return async (req: Request, res: Response): Promise<void> => {
    const started = process.hrtime.bigint();
    let outcome: WebhookOutcome = 'error';
    try {
      outcome = await handler(req, res);
    } catch (error) {
      outcome = failureOutcome(error);
      throw error;
    } finally {
      metrics.webhookAcknowledged(provider(req), outcome, Number(process.hrtime.bigint() - started) / 1e9);
    }
  };
}

function failureOutcome(error: unknown): WebhookOutcome {
  if (error instanceof AuthenticationError) return 'invalid_signature';
  if (error instanceof ValidationError) return 'malformed';
  if (error instanceof UnavailableError) return 'unavailable';
  return 'error';
}

function bodyOf(req: Request): Buffer {
  if (!Buffer.isBuffer(req.body) || req.body.length === 0)
    throw new ValidationError(
      'Request body is empty',
      [{ field: 'body', message: 'required' }],
      'EMPTY_BODY',
    );
  return req.body;
}

function parseJson(text: string): unknown {
  if (exceedsNesting(text, MAX_NESTING))
    throw new ValidationError(
      `Request body nests deeper than ${MAX_NESTING} levels`,
      [{ field: 'body', message: 'nested too deeply' }],
      'MALFORMED_BODY',
    );
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError(
      'Request body is not valid JSON',
      [{ field: 'body', message: 'invalid JSON' }],
      'MALFORMED_BODY',
    );
  }
}

function validated(parse: () => InboundEvent[]): InboundEvent[] {
  try {
    return parse();
  } catch (error) {
    if (error instanceof MalformedDeliveryError)
      throw new ValidationError(
        error.message,
        [{ field: error.field, message: error.message }],
        'MALFORMED_DELIVERY',
      );
    throw error;
  }
}

const unauthorized = () =>
  new AuthenticationError('Missing or invalid webhook signature', 'INVALID_SIGNATURE');

/** The business number of a Twilio callback: `To` on inbound messages, `From` on status callbacks. */
function businessNumber(params: Record<string, string>): string | undefined {
  const address = (params.MessageStatus ? params.From : params.To)?.replace(/^whatsapp:/, '');
  return address ? (PhoneNumber.tryParse(address)?.e164 ?? address) : undefined;
}

/** The tenant of the delivery when all its events belong to one (kept on the row for operators). */
async function singleTenant(directory: TenantDirectory, events: InboundEvent[]): Promise<string | undefined> {
  const tenants = new Set<string | undefined>();
  for (const e of events) tenants.add((await directory.route(e.route))?.tenantId);
  return tenants.size === 1 ? [...tenants][0] : undefined;
}
