import crypto from 'node:crypto';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { Container } from 'inversify';
import { pinoHttp } from 'pino-http';
import type { Database } from './shared/db/Database';
import { errorMiddleware, notFoundHandler } from './shared/http/errorMiddleware';
import { healthRoutes } from './shared/http/healthRoutes';
import { docsRoutes } from './shared/http/api/docsRoutes';
import { mountRoutes } from './shared/http/api/mountRoutes';
import { jsonBody } from './shared/http/jsonBody';
import { maskedRequest } from './shared/logging/maskedRequest';
import { openApiDocument } from './shared/http/api/openApiDocument';
import { apiRoutes } from './apiRoutes';
import { authFailureGuard } from './authFailures';
import type { AuditLog } from './modules/audit/domain/AuditLog';
import type { ApiKeyRepository } from './modules/identity/domain/UserRepository';
import type { SessionRepository } from './modules/session/domain/ConsoleSession';
import type { Clock } from './shared/clock/Clock';
import type { ConsoleSecrets } from './shared/crypto/consoleSecrets';
import type { Logger } from './shared/logging/createLogger';
import type { Metrics } from './shared/metrics/Metrics';
import { metricsRoutes } from './shared/metrics/metricsRoutes';
import { TYPES } from './types';
import type { Config } from './config';
import type { TenantDirectory } from './modules/connection/application/TenantDirectory';
import type { WebhookInbox } from './whatsapp/inbox/WebhookInbox';
import { webhookRoutes } from './whatsapp/webhook/webhookRoutes';
import { consoleOutboxRoutes } from './whatsapp/console/consoleOutboxRoutes';
import type { ConfirmProviderPayment } from './modules/payment/application/ConfirmProviderPayment';
import type { MercadoPagoApi } from './modules/payment/domain/MercadoPagoApi';
import type { PaymentSettingsRepository } from './modules/payment/domain/PaymentSettings';
import { paymentWebhookRoutes } from './modules/payment/http/paymentWebhookRoutes';
import { payPageRoutes } from './modules/payment/http/payPageRoutes';
import {
  builtConsoleDir,
  consoleContentSecurityPolicy,
  consoleRoutes,
  embeddedSignupContentSecurityPolicy,
} from './shared/http/consoleRoutes';

export const BODY_LIMIT = '1mb';

/** Honours a well-formed incoming X-Request-Id, else makes one; echoed on the response and in error bodies. */
const requestId: RequestHandler = (req, res, next) => {
  const incoming = req.headers['x-request-id'];
  const id =
    typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : crypto.randomUUID();
  res.setHeader('x-request-id', id);
  next();
};

export interface AppOptions {
  /** The built web console (default: dist/web of the project). */
  consoleDir?: string;
}

export function createApp(container: Container, options: AppOptions = {}): Express {
  const logger = container.get<Logger>(TYPES.Logger);
  const db = container.get<Database>(TYPES.Database);
  const config = container.get<Config>(TYPES.Config);
  const metrics = container.get<Metrics>(TYPES.Metrics);
  const app = express();
  app.disable('x-powered-by');
  // Which peers may say who the client is (X-Forwarded-For): the failed-login limit counts by it.
  app.set('trust proxy', config.trustProxy);
  const authFailures = authFailureGuard(container);
  app.use(requestId);
  // Security headers on every answer, the webhooks' included; the policy is the console's.
  app.use(helmet({ contentSecurityPolicy: consoleContentSecurityPolicy }));
  // Provider webhooks come first: the hottest path, answered to machines. They skip per-request
  // access logging (which cost a quarter of the ack throughput, bench/webhook-ingest) and log
  // their own failures.
  app.use(
    webhookRoutes({
      directory: container.get<TenantDirectory>(TYPES.TenantDirectory),
      inbox: container.get<WebhookInbox>(TYPES.WebhookInbox),
      logger,
      publicBaseUrl: config.publicBaseUrl,
      metrics,
      authFailures,
    }),
  );
  // Before the access log: a payment link's token is its credential and stays out of the logs.
  app.use(payPageRoutes(db));
  app.use(
    pinoHttp({
      logger,
      genReqId: (_req, res) => String(res.getHeader('x-request-id')),
      // Probes, scrapes and simulate's polling of the console outbox would drown the rest.
      autoLogging: {
        ignore: (req) =>
          ['/healthz', '/readyz', '/metrics'].includes(req.url ?? '') ||
          (req.url ?? '').startsWith('/api/console/outbox'),
      },
      serializers: { req: maskedRequest },
    }),
  );
  app.use(healthRoutes(db));
  app.use(
    paymentWebhookRoutes({
      settings: container.get<PaymentSettingsRepository>(TYPES.PaymentSettingsRepository),
      mercadopago: container.get<MercadoPagoApi>(TYPES.MercadoPagoApi),
      confirm: container.get<ConfirmProviderPayment>(TYPES.ConfirmProviderPayment),
      logger,
    }),
  );
  const routes = apiRoutes(container);
  app.use(docsRoutes(openApiDocument(routes)));
  app.use(metricsRoutes(metrics, authFailures, config.metricsToken));
  app.use(consoleOutboxRoutes(container.get<TenantDirectory>(TYPES.TenantDirectory), db, authFailures));
  app.use('/api/v1', ...jsonBody(BODY_LIMIT));
  app.use(
    '/api/v1',
    mountRoutes(routes, {
      apiKeys: container.get<ApiKeyRepository>(TYPES.ApiKeyRepository),
      sessions: container.get<SessionRepository>(TYPES.SessionRepository),
      secrets: container.get<ConsoleSecrets>(TYPES.ConsoleSecrets),
      clock: container.get<Clock>(TYPES.Clock),
      audit: container.get<AuditLog>(TYPES.AuditLog),
      authFailures,
    }),
  );
  // Meta's JS SDK may run on the console's pages only, and only when Embedded Signup is configured.
  const signupPolicy = config.metaOnboarding
    ? helmet.contentSecurityPolicy(embeddedSignupContentSecurityPolicy)
    : undefined;
  app.use(consoleRoutes(options.consoleDir ?? builtConsoleDir(), signupPolicy));
  app.use(notFoundHandler);
  app.use(errorMiddleware(logger));
  return app;
}
