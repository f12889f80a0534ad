import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { PhoneNumber } from '../shared/phone/PhoneNumber';
import type { OutboxMessage } from '../whatsapp/console/consoleOutboxRoutes';
import {
  CONSOLE_PHONE_NUMBER_ID,
  consoleOutboxToken,
  consoleWebhookSecret,
} from '../shared/channel/consoleChannel';
import { signMetaBody } from '../whatsapp/inbound/metaSignature';
import { CliFailure } from './CliFailure';
import { parse, text, type Command } from './cliSupport';
import { metaTextDelivery } from './simulateDelivery';
import { UsageError } from './UsageError';

const QUIET_MS = 1500;
const POLL_MS = 250;

/**
 * `wa-ops simulate --from <phone> --text <text>`: posts a signed Meta-format delivery to a running
 * server, as if that number had written, then prints what the service sent from then on: the
 * replies to the sender and the alerts to others (staff). Talks to the server over HTTP only: the
 * embedded database belongs to the server while it runs.
 */
export const simulate: Command = async (args, ctx) => {
  const o = parse(args, { from: text, text, name: text, url: text, wait: text }, ['from', 'text']);
  const from = PhoneNumber.tryParse(String(o.from))?.e164;
  if (!from)
    throw new UsageError(`--from ${String(o.from)} is not a phone number (use E.164, e.g. +5491155550101)`);
  const waitSeconds = Number(o.wait ?? 15);
  if (!Number.isFinite(waitSeconds) || waitSeconds <= 0)
    throw new UsageError(`--wait ${String(o.wait)} is not a number of seconds`);
  const base = String(o.url ?? `http://localhost:${ctx.config.port}`).replace(/\/$/, '');
  const channel = channelOf(ctx.config);

  const { body, messageId } = metaTextDelivery({
    from,
    name: o.name as string | undefined,
    text: String(o.text),
    phoneNumberId: channel.phoneNumberId,
    businessPhone: ctx.config.whatsapp.phoneNumber,
    at: new Date(),
  });
  const posted = await call(`${base}/api/whatsapp/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signMetaBody(body, channel.secret),
    },
    body,
  });
  if (posted.status === 401)
    throw new CliFailure(
      `the server at ${base} refused the signature: simulate signed with ${channel.source}, the server uses another secret. ` +
        'Run simulate with the server’s settings (its .env): the same DATA_DIR on the embedded database, the same ENCRYPTION_KEY on PostgreSQL, or the same WHATSAPP_WEBHOOK_SECRET',
    );
  if (!posted.ok) throw new CliFailure(`the server answered ${posted.status}: ${await posted.text()}`);
  ctx.io.out(`> ${from}: ${String(o.text)}`);

  if (ctx.config.whatsapp.provider !== 'console') {
    ctx.io.out(`delivered; replies go out through ${ctx.config.whatsapp.provider} (see the server log)`);
    return;
  }
  const { received, sent } = await awaitOutbox(
    base,
    consoleOutboxToken(channel.secret),
    messageId,
    waitSeconds * 1000,
  );
  if (!received) ctx.io.out(`(not processed within ${waitSeconds}s — is the server processing? see its log)`);
  else if (!sent.length)
    ctx.io.out('(recorded; nothing sent back: a follow-up to an open lead goes on its timeline for the rep)');
  for (const m of sent) ctx.io.out(`< ${m.to === from ? '' : `to ${m.to}: `}${describe(m)}${statusNote(m)}`);
};

interface Channel {
  secret: string;
  phoneNumberId: string;
  /** Where the secret came from, for the message when the server disagrees. */
  source: string;
}

/** The secret and number the server's default tenant uses, as EnsureDefaultTenant sets them. */
function channelOf(config: Config): Channel {
  const wa = config.whatsapp;
  if (wa.provider !== 'console' && wa.provider !== 'meta')
    throw new UsageError(`simulate speaks Meta's format; the configured provider is ${wa.provider}`);
  const phoneNumberId = wa.phoneNumberId ?? (wa.provider === 'console' ? CONSOLE_PHONE_NUMBER_ID : undefined);
  if (wa.webhookSecret && phoneNumberId)
    return { secret: wa.webhookSecret, phoneNumberId, source: 'WHATSAPP_WEBHOOK_SECRET' };
  if (wa.provider !== 'console' || !phoneNumberId)
    throw new UsageError(
      'simulate needs WHATSAPP_WEBHOOK_SECRET and WHATSAPP_PHONE_NUMBER_ID for the meta provider',
    );
  if (config.encryptionKey)
    return {
      secret: consoleWebhookSecret(config.encryptionKey),
      phoneNumberId,
      source: 'the secret derived from ENCRYPTION_KEY',
    };
  const file = path.resolve(config.dataDir, 'encryption.key');
  if (!fs.existsSync(file))
    throw new CliFailure(
      `no ${file}: start the server first (npm start) with the same DATA_DIR, or give simulate the server's ENCRYPTION_KEY`,
    );
  const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  return {
    secret: consoleWebhookSecret(key),
    phoneNumberId,
    source: `the secret derived from ${file} (the embedded database's key)`,
  };
}

/**
 * Polls the outbox until the message was recorded — which queues everything it causes in the
 * same transaction — and nothing changed for a moment (queued messages being sent), or the wait
 * is over.
 */
async function awaitOutbox(base: string, token: string, since: string, waitMs: number) {
  const deadline = Date.now() + waitMs;
  const url = `${base}/api/console/outbox?since=${encodeURIComponent(since)}`;
  let outbox: { received: boolean; messages: OutboxMessage[] } = { received: false, messages: [] };
  let seen = '';
  let changedAt = Date.now();
  while (Date.now() < deadline) {
    const res = await call(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new CliFailure(`reading the console outbox failed: ${res.status} ${await res.text()}`);
    outbox = (await res.json()) as typeof outbox;
    const now = `${outbox.received}:${outbox.messages.map((m) => `${m.id}:${m.status}`).join()}`;
    if (now !== seen) [seen, changedAt] = [now, Date.now()];
    if (outbox.received && Date.now() - changedAt >= QUIET_MS) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return { received: outbox.received, sent: outbox.messages };
}

/** Sent messages speak for themselves; the others say why they are not (yet) out. */
function statusNote(m: OutboxMessage): string {
  if (m.status === 'failed') return `  [not sent: ${m.errorCode ?? 'failed'}]`;
  return ['queued', 'sending'].includes(m.status) ? `  [${m.status}]` : '';
}

function describe(m: OutboxMessage): string {
  const c = m.content as {
    text?: string;
    template?: { name: string; params?: string[] };
    media?: { mediaType: string; caption?: string };
  };
  if (c.text) return c.text;
  if (c.template) return `[template ${c.template.name}] ${(c.template.params ?? []).join(' | ')}`;
  if (c.media) return `[${c.media.mediaType}] ${c.media.caption ?? ''}`.trim();
  return JSON.stringify(c);
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new CliFailure(
      `cannot reach ${url}: ${(error as Error).message} — is the server running (npm start)? Its URL is printed at start; pass it with --url`,
    );
  }
}
