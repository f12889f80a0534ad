import crypto from 'node:crypto';
import { Router } from 'express';
import Joi from 'joi';
import type { Database } from '../../shared/db/Database';
import { AuthenticationError, ValidationError } from '../../shared/errors/AppError';
import { PhoneNumber } from '../../shared/phone/PhoneNumber';
import type { TenantDirectory } from '../../modules/connection/application/TenantDirectory';
import type { AuthFailureGuard } from '../../shared/http/AuthFailureGuard';
import { consoleOutboxToken } from '../../shared/channel/consoleChannel';

export interface OutboxMessage {
  id: string;
  to: string;
  status: string;
  /** Why it was not sent (`WINDOW_CLOSED`, `OPTED_OUT`, …), when it failed. */
  errorCode?: string;
  content: Record<string, unknown>;
  createdAt: string;
}

// PostgreSQL text cannot hold a NUL: refused here rather than failing in the query.
const text = (max: number) =>
  Joi.string()
    .max(max)
    .pattern(/^[^\u0000]*$/, 'no NUL');
const query = Joi.object({
  to: text(160),
  since: text(128).required(),
}).options({ abortEarly: false, stripUnknown: true });

/**
 * `GET /api/console/outbox?since=<provider message id>[&to=<phone>]`: the outbound messages of a
 * `console` tenant (which never leave the machine) — to one phone, or to anyone (staff alerts
 * included) — from the moment the inbound message `since` was recorded (empty, `received: false`,
 * until it is). For
 * `wa-ops simulate`: only console tenants have an outbox; the bearer token is derived from that
 * tenant's webhook secret.
 */
export function consoleOutboxRoutes(
  directory: TenantDirectory,
  db: Database,
  authFailures: AuthFailureGuard,
): Router {
  const router = Router();
  router.get('/api/console/outbox', async (req, res) => {
    const presented = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    const tenant = await authFailures.guard(req.ip, 'console_outbox', async () => {
      if (!presented) throw new AuthenticationError('Send the outbox token as Authorization: Bearer <token>');
      const found = (await directory.ofProvider('console')).find(
        (c) =>
          c.credentials.webhookSecret &&
          sameToken(consoleOutboxToken(c.credentials.webhookSecret), presented),
      );
      if (!found)
        throw new AuthenticationError('Missing or invalid console outbox token', 'INVALID_OUTBOX_TOKEN');
      return found;
    });
    const { value, error } = query.validate(req.query);
    if (error)
      throw new ValidationError(
        'Invalid query',
        error.details.map((d) => ({ field: d.path.join('.'), message: d.message })),
      );
    const to = value.to && (PhoneNumber.tryParse(value.to)?.e164 ?? value.to);
    const inbound = await db
      .q('whatsapp_messages')
      .where({ tenant_id: tenant.tenantId, provider_message_id: value.since })
      .first<{ created_at: Date } | undefined>('created_at');
    const rows = inbound
      ? await db
          .q('whatsapp_messages')
          .where({ tenant_id: tenant.tenantId, direction: 'OUTBOUND', ...(to && { customer_phone: to }) })
          .where('created_at', '>=', inbound.created_at)
          .orderBy([{ column: 'created_at' }, { column: 'id' }])
          .limit(100)
          .select<
            Array<{
              id: string;
              customer_phone: string;
              status: string;
              error_code: string | null;
              content: Record<string, unknown>;
              created_at: Date;
            }>
          >('id', 'customer_phone', 'status', 'error_code', 'content', 'created_at')
      : [];
    const messages: OutboxMessage[] = rows.map((r) => ({
      id: r.id,
      to: r.customer_phone,
      status: r.status,
      ...(r.error_code && { errorCode: r.error_code }),
      content: r.content,
      createdAt: r.created_at.toISOString(),
    }));
    // `received`: the inbound message is recorded, and with it everything it caused was queued.
    res.json({ received: Boolean(inbound), messages });
  });
  return router;
}

function sameToken(expected: string, presented: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(expected), digest(presented));
}
