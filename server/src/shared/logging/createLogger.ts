import pino, { type Logger } from 'pino';

export type { Logger };

const SECRET_KEYS = [
  'authorization',
  'cookie',
  'x-hub-signature-256',
  'x-twilio-signature',
  'x-360dialog-signature',
  'd360-api-key',
  'accessToken',
  'access_token',
  'token',
  'apiKey',
  'secret',
  'webhookSecret',
  'authToken',
  'password',
  'credentials',
  'encryptionKey',
];
const BODY_KEYS = ['body', 'Body', 'text', 'caption', 'content', 'payload'];
const PHONE_KEYS = ['phone', 'from', 'to', 'From', 'To', 'WaId', 'wa_id', 'customerPhone', 'recipient'];

const anywhere = (keys: string[]) => keys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers["${k}"]`]);

/** Keeps the country code and last four digits: enough to correlate, not enough to dial. */
export function maskPhone(value: unknown): string {
  const text = String(value ?? '');
  const digits = text.replace(/[^\d]/g, '');
  if (digits.length < 7) return '***';
  const prefix = text.startsWith('whatsapp:') ? 'whatsapp:+' : text.startsWith('+') ? '+' : '';
  return `${prefix}${digits.slice(0, 2)}${'*'.repeat(digits.length - 6)}${digits.slice(-4)}`;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const phones = new Set(PHONE_KEYS);
  return pino(
    {
      level,
      base: { service: 'wa-ops' },
      redact: {
        paths: [...anywhere(SECRET_KEYS), ...anywhere(BODY_KEYS), ...anywhere(PHONE_KEYS)],
        censor: (value, path) => (phones.has(path[path.length - 1]) ? maskPhone(value) : '[Redacted]'),
      },
    },
    destination,
  );
}
