import express, { Router, type Request } from 'express';
import type { Logger } from '../../shared/logging/createLogger';
import type { Metrics } from '../../shared/metrics/Metrics';
import { PhoneNumber } from '../../shared/phone/PhoneNumber';
import type { TenantDirectory } from '../../modules/connection/application/TenantDirectory';
import type { WhatsappConfiguration } from '../../modules/connection/domain/WhatsappConfiguration';
import { parseMetaDelivery } from '../inbound/MetaWebhookParser';
import { CALLBACK_MESSAGE_ID_PARAM, parseTwilioDelivery } from '../inbound/TwilioWebhookParser';
import type { WebhookInbox } from '../inbox/WebhookInbox';
import type { AuthFailureGuard } from '../../shared/http/AuthFailureGuard';
import { constantTimeEquals } from './constantTimeEquals';
import { measuredDelivery } from './measuredDelivery';
import { storeDelivery } from './storeDelivery';
import { boundToSigners, dialog360Signers, metaSigners, twilioSigner } from './verifyDelivery';
import { bodyOf, foreignCredentials, parseJson, unauthorized, validated } from './webhookBody';

export interface WebhookDeps {
  directory: TenantDirectory;
  inbox: WebhookInbox;
  logger: Logger;
  publicBaseUrl: string;
  metrics?: Metrics;
  /** Counts wrong verify tokens per client address (they are chosen by people, so guessable). */
  authFailures?: AuthFailureGuard;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Keep the raw bytes: signatures are over them, not over a re-serialised body. */
const rawBody = express.raw({ type: () => true, limit: '1mb' });

/**
 * The provider webhooks (SPEC §4, §15): verify the signature over the raw bytes, check that the
 * verifying credentials belong to the numbers the events are for, store, acknowledge. The
 * connections come from the directory's in-memory snapshot: no query before the insert.
 */
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
  const orgIdOf = (req: Request) => (typeof req.query.orgId === 'string' ? req.query.orgId : undefined);
  router.post(
    '/api/whatsapp/webhook',
    rawBody,
    measuredDelivery(
      deps.metrics,
      (req) => (orgIdOf(req) !== undefined ? '360dialog' : 'meta'),
      async (req, res) => {
        const raw = bodyOf(req);
        const orgId = orgIdOf(req);
        const snapshot = await deps.directory.snapshot();
        const signers =
          orgId === undefined
            ? metaSigners(raw, req.get('x-hub-signature-256'), snapshot)
            : dialog360Signers(
                raw,
                { signature: req.get('x-360dialog-signature'), secretHeader: req.get('x-webhook-secret') },
                UUID.test(orgId) ? snapshot.ofProvider('360dialog').filter((c) => c.tenantId === orgId) : [],
              );
        if (!signers) throw unauthorized();
        const text = raw.toString('utf8');
        const payload = parseJson(text);
        const routed = validated(() => parseMetaDelivery(payload)).map((e) => snapshot.route(e.route));
        if (!boundToSigners(routed, signers, orgId !== undefined)) throw foreignCredentials();
        return storeDelivery(deps, res, {
          provider: orgId !== undefined ? '360dialog' : 'meta',
          tenantId: orgId ?? singleTenant(routed),
          payload,
          payloadJson: text,
          signature: req.get('x-hub-signature-256'),
          rawBody: raw,
        });
      },
    ),
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
        const header = req.get('x-twilio-signature');
        const snapshot = await deps.directory.snapshot();
        const url = deps.publicBaseUrl + req.originalUrl;
        const owner = twilioSigner(snapshot, businessNumber(params), { url, params, header });
        if (!owner) throw unauthorized();
        withCallbackMessageId(params, req.query.messageId);
        validated(() => parseTwilioDelivery(params));
        return storeDelivery(
          deps,
          res,
          { provider: 'twilio', tenantId: owner.tenantId, payload: params, signature: header, rawBody: raw },
          '<Response/>',
        );
      },
    ),
  );

  return router;
}

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
function singleTenant(routed: Array<WhatsappConfiguration | undefined>): string | undefined {
  const tenants = new Set(routed.map((c) => c?.tenantId));
  return tenants.size === 1 ? [...tenants][0] : undefined;
}
