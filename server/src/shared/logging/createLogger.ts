import pino, { type Logger } from 'pino';
import { maskPhone, maskPhonesInText } from './maskPhones';

export type { Logger };
export { maskPhone };

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
  // onboarding (SPEC §16)
  'pin',
  'appSecret',
  'client_secret',
  'systemUserToken',
  'x-api-key',
  'x-webhook-secret',
];
const BODY_KEYS = ['body', 'Body', 'text', 'caption', 'content', 'payload'];
const PHONE_KEYS = ['phone', 'from', 'to', 'From', 'To', 'WaId', 'wa_id', 'customerPhone', 'recipient'];

const anywhere = (keys: string[]) => keys.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `req.headers["${k}"]`]);

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
      // Phones also turn up in free text (error messages, a database's "Key (phone)=(…)" detail,
      // routes): whatever the key, a number in international form never reaches the log.
      hooks: { streamWrite: maskPhonesInText },
    },
    destination,
  );
}
