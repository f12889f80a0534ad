import express, { Router, type Request } from 'express';
import { AuthenticationError, ValidationError } from '../../shared/errors/AppError';
import type { Logger } from '../../shared/logging/createLogger';
import type { Metrics } from '../../shared/metrics/Metrics';
import { PhoneNumber } from '../../shared/phone/PhoneNumber';
import type { ProviderName } from '../../shared/providers';
import type { TenantDirectory } from '../../modules/connection/application/TenantDirectory';
import type { InboundEvent } from '../../shared/channel/InboundEvent';
import { MalformedDeliveryError } from '../inbound/MalformedDeliveryError';
import { parseMetaDelivery } from '../inbound/MetaWebhookParser';
import { CALLBACK_MESSAGE_ID_PARAM, parseTwilioDelivery } from '../inbound/TwilioWebhookParser';
import type { WebhookInbox } from '../inbox/WebhookInbox';
import type { AuthFailureGuard } from '../../shared/http/AuthFailureGuard';
import { constantTimeEquals } from './constantTimeEquals';
import { exceedsNesting } from '../../shared/http/exceedsNesting';
import { measuredDelivery } from './measuredDelivery';
import { storeDelivery } from './storeDelivery';
import { verify360dialog, verifyMeta, verifyTwilio } from './verifyDelivery';

export interface WebhookDeps {
  directory: TenantDirectory;
  inbox: WebhookInbox;
  logger: Logger;
  publicBaseUrl: string;
  metrics?: Metrics;
  /** Counts wrong verify tokens per client address (they are chosen by people, so guessable). */
  authFailures?: AuthFailureGuard;
}

/** Deeper than any provider's envelope (about ten levels) by far; see exceedsNesting. */
const MAX_NESTING = 64;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keep the raw bytes: signatures are over them, not over a re-serialised body. */
const rawBody = express.raw({ type: () => true, limit: '1mb' });

export function webhookRoutes(deps: WebhookDeps): Router {
  const router = Router();

  router.get('/api/whatsapp/webhook', async (req, res) => {
    deps.authFailures?.assertAllowed(req.ip, 'webhook_verify_token');
    const mode = req.query['hub.mode'];
    const token = req.query['hub.verify_token'];
    const challenge = req.query['hub.challenge'];
    const tokens = (await deps.directory.all()).map((c) => c.verifyToken).filter((t): t is string => !!t);
    const ok =
      mode === 'subscribe' && typeof token === 'string' && tokens.some((t) => constantTimeEquals(t, token));
    if (!ok || typeof challenge !== 'string') {
      if (mode === 'subscribe' && token !== undefined)
        deps.authFailures?.failed(req.ip, 'webhook_verify_token');
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
    measuredDelivery(deps.metrics, cloudApiProviderOf, async (req, res) => {
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
      return storeDelivery(deps, res, {
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
    measuredDelivery(
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
        withCallbackMessageId(params, req.query.messageId);
        const events = validated(() => parseTwilioDelivery(params));
        const tenantId = candidates.length ? config.tenantId : await singleTenant(deps.directory, events);
        return storeDelivery(
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

/**
 * Our message id from the status callback URL (signed with the rest), kept with the parameters
 * for processing; never taken from the form itself.
 */
function withCallbackMessageId(params: Record<string, string>, fromUrl: unknown): void {
  delete params[CALLBACK_MESSAGE_ID_PARAM];
  if (typeof fromUrl === 'string') params[CALLBACK_MESSAGE_ID_PARAM] = fromUrl;
}

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
