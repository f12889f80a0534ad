import crypto from 'node:crypto';

/**
 * The `console` provider as a channel you can talk to from a terminal: it accepts Meta-format
 * deliveries (what `wa-ops simulate` posts) signed with its webhook secret, and shows what it
 * "sent" through the console outbox. Without WHATSAPP_WEBHOOK_SECRET the secret is derived from
 * the encryption key, so the server and the CLI of one installation agree without configuration.
 */
export const CONSOLE_PHONE_NUMBER_ID = '100000000000000';

const hmac = (key: crypto.BinaryLike, text: string) =>
  crypto.createHmac('sha256', key).update(text).digest('hex');

export function consoleWebhookSecret(encryptionKey: Buffer): string {
  return hmac(encryptionKey, 'wa-ops console webhook secret');
}

/** The bearer token of the console outbox: derived from the webhook secret, never the secret itself. */
export function consoleOutboxToken(webhookSecret: string): string {
  return hmac(webhookSecret, 'wa-ops console outbox');
}
