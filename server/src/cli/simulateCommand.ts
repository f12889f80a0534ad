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
import { parse, text, type Command } from './cliSupport';
import { metaTextDelivery } from './simulateDelivery';
import { UsageError } from './UsageError';

const QUIET_MS = 1500;
const POLL_MS = 250;

/**
 * `wa-ops simulate --from <phone> --text <text>`: posts a signed Meta-format delivery to a running
 * server, as if the customer had written, then prints the replies from the console outbox. Talks
 * to the server over HTTP only: the embedded database belongs to the server while it runs.
 */
export const simulate: Command = async (args, ctx) => {
  const o = parse(args, { from: text, text, name: text, url: text, wait: text }, ['from', 'text']);
  const from = PhoneNumber.tryParse(String(o.from))?.e164;
  if (!from)
    throw new UsageError(`--from ${String(o.from)} is not a phone number (use E.164, e.g. +5491155550101)`);
  const base = String(o.url ?? `http://localhost:${ctx.config.port}`).replace(/\/$/, '');
  const waitMs = Number(o.wait ?? 15) * 1000;
  const { secret, phoneNumberId } = channelOf(ctx.config);

  const { body, messageId } = metaTextDelivery({
    from,
    name: o.name as string | undefined,
    text: String(o.text),
    phoneNumberId,
    businessPhone: ctx.config.whatsapp.phoneNumber,
    at: new Date(),
  });
  const posted = await call(`${base}/api/whatsapp/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signMetaBody(body, secret) },
    body,
  });
  if (posted.status === 401)
    throw new UsageError(
      'the server refused the signature: run simulate with the same WHATSAPP_WEBHOOK_SECRET (or DATA_DIR / ENCRYPTION_KEY) as the server',
    );
  if (!posted.ok) throw new UsageError(`the server answered ${posted.status}: ${await posted.text()}`);
  ctx.io.out(`> ${from}: ${String(o.text)}`);

  if (ctx.config.whatsapp.provider !== 'console') {
    ctx.io.out(`delivered; replies go out through ${ctx.config.whatsapp.provider} (see the server log)`);
    return;
  }
  const replies = await awaitReplies(base, consoleOutboxToken(secret), from, messageId, waitMs);
  if (!replies.length)
    ctx.io.out(`(no reply within ${waitMs / 1000}s — is the server processing? see its log)`);
  for (const r of replies) ctx.io.out(`< ${describe(r)}${r.status === 'queued' ? '  [queued]' : ''}`);
};

/** The secret and number the server's default tenant uses, as EnsureDefaultTenant sets them. */
function channelOf(config: Config): { secret: string; phoneNumberId: string } {
  const wa = config.whatsapp;
  if (wa.provider !== 'console' && wa.provider !== 'meta')
    throw new UsageError(`simulate speaks Meta's format; the configured provider is ${wa.provider}`);
  const secret = wa.webhookSecret ?? (wa.provider === 'console' ? localSecret(config) : undefined);
  const phoneNumberId = wa.phoneNumberId ?? (wa.provider === 'console' ? CONSOLE_PHONE_NUMBER_ID : undefined);
  if (!secret || !phoneNumberId)
    throw new UsageError(
      'simulate needs WHATSAPP_WEBHOOK_SECRET and WHATSAPP_PHONE_NUMBER_ID for the meta provider',
    );
  return { secret, phoneNumberId };
}

function localSecret(config: Config): string {
  if (config.encryptionKey) return consoleWebhookSecret(config.encryptionKey);
  const file = path.resolve(config.dataDir, 'encryption.key');
  if (!fs.existsSync(file))
    throw new UsageError(`no ${file}: start the server first (npm start), with the same DATA_DIR`);
  return consoleWebhookSecret(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'));
}

/** Polls the outbox until there are replies and nothing changed for a moment, or the wait is over. */
async function awaitReplies(base: string, token: string, to: string, since: string, waitMs: number) {
  const deadline = Date.now() + waitMs;
  const url = `${base}/api/console/outbox?to=${encodeURIComponent(to)}&since=${encodeURIComponent(since)}`;
  let replies: OutboxMessage[] = [];
  let seen = '';
  let changedAt = Date.now();
  while (Date.now() < deadline) {
    const res = await call(url, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new UsageError(`reading the console outbox failed: ${res.status} ${await res.text()}`);
    const { messages } = (await res.json()) as { messages: OutboxMessage[] };
    const now = messages.map((m) => `${m.id}:${m.status}`).join();
    if (now !== seen) [seen, changedAt] = [now, Date.now()];
    replies = messages;
    if (replies.length && Date.now() - changedAt >= QUIET_MS) break;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return replies;
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
    throw new UsageError(
      `cannot reach ${url}: ${(error as Error).message} — is the server running (npm start)?`,
    );
  }
}
