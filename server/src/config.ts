import { Cron } from 'croner';
import Joi from 'joi';
import { DEFAULT_API_VERSION, graphApiVersionStatus } from './shared/graphApiVersions';
import { PROVIDERS, type ProviderName } from './shared/providers';

/** The only reader of the environment: validated once, typed, frozen. */
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  logLevel: string;
  publicBaseUrl: string;
  encryptionKey?: Buffer;
  paymentLinkBaseUrl: string;
  panicCooldownMinutes: number;
  /** Bearer token required on GET /metrics when set. */
  metricsToken?: string;
  webhooks: {
    /** Outbound webhooks may target loopback, private and link-local addresses (tests, private networks). */
    allowPrivateTargets: boolean;
  };
  /** Express's `trust proxy`: which peers' X-Forwarded-For names the client (TRUST_PROXY). */
  trustProxy: boolean | number | string;
  /** Failed authentications per client address per 10 minutes before it is answered 429. */
  authFailureLimit: number;
  payments: {
    /** Hours between payment reminders after the first one (SPEC §22). */
    reminderIntervalHours: number;
    mercadopagoApiBaseUrl: string;
  };
  /** OpenAI-compatible speech-to-text; voice notes are transcribed only when set. */
  transcription?: {
    /** The full `…/v1/audio/transcriptions` URL. */
    url: string;
    apiKey?: string;
    model: string;
  };
  /** OpenAI-compatible chat completions for the auto-responder's AI (SPEC §23); no AI when unset. */
  ai?: {
    /** The full `…/v1/chat/completions` URL. */
    url: string;
    apiKey?: string;
    model: string;
    /** The hard limit of one call (AI_TIMEOUT_SECONDS, at most 10). */
    timeoutMs: number;
  };
  jobs: {
    /** Whether this instance runs the scheduler (every instance may: each tick runs once). */
    enabled: boolean;
    /** Per-job cron patterns (UTC) or `off`, overriding each job's default. */
    schedules: Readonly<Record<string, string>>;
  };
  /** Meta Embedded Signup (SPEC §16); onboarding through Meta is refused when unset. */
  metaOnboarding?: {
    appId: string;
    appSecret: string;
    configId: string;
    /** A Solution Partner's credit line, shared with each new account with the system user token. */
    creditLine?: { id: string; systemUserToken: string };
  };
  /** 360dialog's partner API (SPEC §16); onboarding through 360dialog is refused when unset. */
  dialog360Partner?: {
    partnerId: string;
    apiKey: string;
    apiBaseUrl: string;
  };
  whatsapp: {
    provider: ProviderName;
    phoneNumber?: string;
    phoneNumberId?: string;
    businessAccountId?: string;
    accessToken?: string;
    webhookSecret?: string;
    verifyToken?: string;
    apiBaseUrl: string;
    apiVersion: string;
    dialog360ApiKey?: string;
    dialog360ApiBaseUrl: string;
    twilioAccountSid?: string;
    twilioAuthToken?: string;
    twilioApiBaseUrl: string;
    enableMedia: boolean;
    enableTemplates: boolean;
    messageRetentionDays: number;
    rateLimitPerMinute: number;
    /** Provider calls in flight per instance; unset: 16 on PostgreSQL, 1 on the embedded database. */
    sendConcurrency?: number;
    /**
     * Hosts inbound media may be downloaded from besides the configured API origins (`*.fbsbx.com`,
     * `host:port`); unset: each provider's own CDN hosts.
     */
    mediaHosts?: readonly string[];
    /** How long a send whose outcome was lost waits for a status naming it before it goes again. */
    reconcileSeconds: number;
  };
}

export class ConfigError extends Error {}

const url = () => Joi.string().uri({ scheme: ['http', 'https'] });
const base64Key = Joi.string()
  .base64()
  .custom((value: string, helpers) =>
    Buffer.from(value, 'base64').length === 32
      ? value
      : helpers.message({ custom: 'must decode to 32 bytes' }),
  );

/** `JOB_SCHEDULES=retention=0 4 * * *;template-sync=off`: `;`-separated `job=cron` pairs. */
const jobSchedules = Joi.string().custom((value: string, helpers) => {
  const schedules: Record<string, string> = {};
  for (const pair of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z][a-z0-9-]*)\s*=\s*(.+)$/.exec(pair);
    if (!match) return helpers.message({ custom: `"${pair}" is not job=cron-pattern` });
    const [, name, pattern] = match;
    if (pattern !== 'off') {
      try {
        new Cron(pattern, { paused: true });
      } catch (error) {
        return helpers.message({ custom: `${name}: ${(error as Error).message}` });
      }
    }
    schedules[name] = pattern;
  }
  return schedules;
});

/** `WHATSAPP_MEDIA_HOSTS=lookaside.fbsbx.com,*.fbcdn.net,127.0.0.1:4010`: `,`-separated host patterns. */
const mediaHosts = Joi.string().custom((value: string, helpers) => {
  const hosts = value
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const bad = hosts.find((h) => !/^(\*\.)?[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(h));
  return bad ? helpers.message({ custom: `"${bad}" is not a host, *.domain or host:port` }) : hosts;
});

const schema = Joi.object({
  PORT: Joi.number().port().default(3000),
  HOST: Joi.string().hostname().default('0.0.0.0'),
  DATABASE_URL: Joi.string().uri({ scheme: ['postgres', 'postgresql'] }),
  DATA_DIR: Joi.string().default('./data'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  WHATSAPP_PROVIDER: Joi.string()
    .valid(...PROVIDERS)
    .default('console'),
  WHATSAPP_PHONE_NUMBER: Joi.string().pattern(/^\+[1-9]\d{6,14}$/, 'E.164'),
  WHATSAPP_PHONE_NUMBER_ID: Joi.string().pattern(/^\d+$/, 'digits'),
  WHATSAPP_BUSINESS_ACCOUNT_ID: Joi.string().pattern(/^\d+$/, 'digits'),
  WHATSAPP_ACCESS_TOKEN: Joi.string(),
  WHATSAPP_WEBHOOK_SECRET: Joi.string(),
  WHATSAPP_VERIFY_TOKEN: Joi.string(),
  WHATSAPP_API_BASE_URL: url().default('https://graph.facebook.com'),
  WHATSAPP_API_VERSION: Joi.string()
    .pattern(/^v\d+\.\d+$/, 'vNN.N')
    .default(DEFAULT_API_VERSION),
  DIALOG360_API_KEY: Joi.string(),
  DIALOG360_API_BASE_URL: url().default('https://waba-v2.360dialog.io'),
  TWILIO_ACCOUNT_SID: Joi.string().pattern(/^AC[0-9a-fA-F]{32}$/, 'AC + 32 hex'),
  TWILIO_AUTH_TOKEN: Joi.string(),
  TWILIO_API_BASE_URL: url().default('https://api.twilio.com'),
  PUBLIC_BASE_URL: url(),
  WHATSAPP_ENABLE_MEDIA: Joi.boolean().default(true),
  WHATSAPP_ENABLE_TEMPLATES: Joi.boolean().default(true),
  WHATSAPP_MESSAGE_RETENTION_DAYS: Joi.number().integer().min(1).default(90),
  WHATSAPP_RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(50),
  WHATSAPP_SEND_CONCURRENCY: Joi.number().integer().min(1).max(256),
  WHATSAPP_MEDIA_HOSTS: mediaHosts,
  WHATSAPP_RECONCILE_SECONDS: Joi.number().integer().min(0).max(86_400).default(120),
  PANIC_COOLDOWN_MINUTES: Joi.number().integer().min(1).default(60),
  ENCRYPTION_KEY: base64Key.when('DATABASE_URL', { is: Joi.exist(), then: Joi.required() }).messages({
    'any.required':
      '{#label} is required with DATABASE_URL: the key the database was set up with, or for a new one `npm run --silent cli -- keys generate >> .env`',
    'string.base64': '{#label} must be base64 (`npm run --silent cli -- keys generate` makes one)',
  }),
  PAYMENT_LINK_BASE_URL: url(),
  JOBS_ENABLED: Joi.boolean().default(true),
  JOB_SCHEDULES: jobSchedules.default({}),
  METRICS_TOKEN: Joi.string().min(16),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: Joi.boolean().default(false),
  TRUST_PROXY: Joi.string().trim().default('loopback, linklocal, uniquelocal'),
  AUTH_FAILURE_LIMIT: Joi.number().integer().min(1).default(20),
  PAYMENT_REMINDER_INTERVAL_HOURS: Joi.number()
    .integer()
    .min(1)
    .max(24 * 60)
    .default(72),
  MERCADOPAGO_API_BASE_URL: url().default('https://api.mercadopago.com'),
  TRANSCRIPTION_API_URL: url(),
  TRANSCRIPTION_API_KEY: Joi.string(),
  TRANSCRIPTION_MODEL: Joi.string().max(100).default('whisper-1'),
  META_APP_ID: Joi.string().pattern(/^\d{1,32}$/, 'digits'),
  META_APP_SECRET: Joi.string().when('META_APP_ID', { is: Joi.exist(), then: Joi.required() }),
  META_CONFIG_ID: Joi.string()
    .pattern(/^\d{1,32}$/, 'digits')
    .when('META_APP_ID', { is: Joi.exist(), then: Joi.required() }),
  META_CREDIT_LINE_ID: Joi.string().pattern(/^\d{1,32}$/, 'digits'),
  META_SYSTEM_USER_TOKEN: Joi.string().when('META_CREDIT_LINE_ID', {
    is: Joi.exist(),
    then: Joi.required(),
  }),
  DIALOG360_PARTNER_ID: Joi.string().pattern(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, - and _'),
  DIALOG360_PARTNER_API_KEY: Joi.string().when('DIALOG360_PARTNER_ID', {
    is: Joi.exist(),
    then: Joi.required(),
  }),
  DIALOG360_PARTNER_API_BASE_URL: url().default('https://hub.360dialog.io'),
  AI_API_URL: url(),
  AI_API_KEY: Joi.string(),
  AI_MODEL: Joi.string().max(100).default('gpt-4o-mini'),
  AI_TIMEOUT_SECONDS: Joi.number().integer().min(1).max(10).default(10),
})
  .unknown(true)
  .messages({ 'any.required': '{#label} is required', 'any.unknown': '{#label} is not allowed' });

/** `true`/`false`, a hop count, or addresses and names (`loopback, 10.0.0.0/8`) as Express takes them. */
function trustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * Validates `env` (process.env in production, a literal in tests). Throws one line naming the
 * variable; a Graph API version Meta no longer serves on `now` is refused the same way.
 */
export function loadConfig(env: Record<string, string | undefined>, now = new Date()): Readonly<Config> {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const { value: v, error } = schema.validate(present, { abortEarly: true, convert: true });
  if (error) {
    const variable = String(error.details[0].path[0] ?? error.details[0].context?.label);
    throw new ConfigError(
      `Invalid configuration: ${variable}: ${error.details[0].message.replace(/^"[^"]+" /, '')}`,
    );
  }
  const version = graphApiVersionStatus(v.WHATSAPP_API_VERSION, now);
  if (version.kind === 'expired')
    throw new ConfigError(
      `Invalid configuration: WHATSAPP_API_VERSION: ${v.WHATSAPP_API_VERSION} expired on ${version.expires} (Meta no longer serves it); use ${DEFAULT_API_VERSION}`,
    );
  // Unset, the links this server hands out point at itself, on its own PORT.
  const publicBaseUrl = (v.PUBLIC_BASE_URL ?? `http://localhost:${v.PORT}`).replace(/\/$/, '');
  return Object.freeze({
    port: v.PORT,
    host: v.HOST,
    databaseUrl: v.DATABASE_URL,
    dataDir: v.DATA_DIR,
    logLevel: v.LOG_LEVEL,
    publicBaseUrl,
    encryptionKey: v.ENCRYPTION_KEY ? Buffer.from(v.ENCRYPTION_KEY, 'base64') : undefined,
    paymentLinkBaseUrl: (v.PAYMENT_LINK_BASE_URL ?? `${publicBaseUrl}/pay`).replace(/\/$/, ''),
    panicCooldownMinutes: v.PANIC_COOLDOWN_MINUTES,
    metricsToken: v.METRICS_TOKEN,
    webhooks: Object.freeze({ allowPrivateTargets: v.WEBHOOK_ALLOW_PRIVATE_TARGETS }),
    trustProxy: trustProxy(v.TRUST_PROXY),
    authFailureLimit: v.AUTH_FAILURE_LIMIT,
    payments: Object.freeze({
      reminderIntervalHours: v.PAYMENT_REMINDER_INTERVAL_HOURS,
      mercadopagoApiBaseUrl: v.MERCADOPAGO_API_BASE_URL.replace(/\/$/, ''),
    }),
    transcription: v.TRANSCRIPTION_API_URL
      ? Object.freeze({
          url: transcriptionsUrl(v.TRANSCRIPTION_API_URL),
          apiKey: v.TRANSCRIPTION_API_KEY,
          model: v.TRANSCRIPTION_MODEL,
        })
      : undefined,
    ai: v.AI_API_URL
      ? Object.freeze({
          url: openAiUrl(v.AI_API_URL, '/chat/completions'),
          apiKey: v.AI_API_KEY,
          model: v.AI_MODEL,
          timeoutMs: v.AI_TIMEOUT_SECONDS * 1000,
        })
      : undefined,
    jobs: Object.freeze({ enabled: v.JOBS_ENABLED, schedules: Object.freeze(v.JOB_SCHEDULES) }),
    metaOnboarding: v.META_APP_ID
      ? Object.freeze({
          appId: v.META_APP_ID,
          appSecret: v.META_APP_SECRET,
          configId: v.META_CONFIG_ID,
          creditLine: v.META_CREDIT_LINE_ID
            ? Object.freeze({ id: v.META_CREDIT_LINE_ID, systemUserToken: v.META_SYSTEM_USER_TOKEN })
            : undefined,
        })
      : undefined,
    dialog360Partner: v.DIALOG360_PARTNER_ID
      ? Object.freeze({
          partnerId: v.DIALOG360_PARTNER_ID,
          apiKey: v.DIALOG360_PARTNER_API_KEY,
          apiBaseUrl: v.DIALOG360_PARTNER_API_BASE_URL.replace(/\/$/, ''),
        })
      : undefined,
    whatsapp: Object.freeze({
      provider: v.WHATSAPP_PROVIDER,
      phoneNumber: v.WHATSAPP_PHONE_NUMBER,
      phoneNumberId: v.WHATSAPP_PHONE_NUMBER_ID,
      businessAccountId: v.WHATSAPP_BUSINESS_ACCOUNT_ID,
      accessToken: v.WHATSAPP_ACCESS_TOKEN,
      webhookSecret: v.WHATSAPP_WEBHOOK_SECRET,
      verifyToken: v.WHATSAPP_VERIFY_TOKEN,
      apiBaseUrl: v.WHATSAPP_API_BASE_URL.replace(/\/$/, ''),
      apiVersion: v.WHATSAPP_API_VERSION,
      dialog360ApiKey: v.DIALOG360_API_KEY,
      dialog360ApiBaseUrl: v.DIALOG360_API_BASE_URL.replace(/\/$/, ''),
      twilioAccountSid: v.TWILIO_ACCOUNT_SID,
      twilioAuthToken: v.TWILIO_AUTH_TOKEN,
      twilioApiBaseUrl: v.TWILIO_API_BASE_URL.replace(/\/$/, ''),
      enableMedia: v.WHATSAPP_ENABLE_MEDIA,
      enableTemplates: v.WHATSAPP_ENABLE_TEMPLATES,
      messageRetentionDays: v.WHATSAPP_MESSAGE_RETENTION_DAYS,
      rateLimitPerMinute: v.WHATSAPP_RATE_LIMIT_PER_MINUTE,
      sendConcurrency: v.WHATSAPP_SEND_CONCURRENCY,
      mediaHosts: v.WHATSAPP_MEDIA_HOSTS && Object.freeze(v.WHATSAPP_MEDIA_HOSTS),
      reconcileSeconds: v.WHATSAPP_RECONCILE_SECONDS,
    }),
  });
}

/** `https://api.openai.com`, `…/v1` and the full `…/v1/audio/transcriptions` all name the same endpoint. */
function transcriptionsUrl(base: string): string {
  return openAiUrl(base, '/audio/transcriptions');
}

/** An OpenAI-compatible endpoint from a base (`https://api.openai.com`, `…/v1`) or its full URL. */
function openAiUrl(base: string, endpoint: string): string {
  const trimmed = base.replace(/\/+$/, '');
  if (trimmed.endsWith(endpoint)) return trimmed;
  return `${trimmed}${/\/v1$/.test(trimmed) ? '' : '/v1'}${endpoint}`;
}
