import { expect } from 'chai';
import type { Response } from 'supertest';
import { testDb } from './integrationHooks';
import type { ApiClient } from './apiClient';

/** The code of the last login_code message queued to `phone`, as the staff member reads it on WhatsApp. */
export async function lastLoginCode(phone: string): Promise<string> {
  const row = await testDb()
    .knex('whatsapp_messages')
    .where({ direction: 'OUTBOUND' })
    .whereRaw(`content->'template'->>'name' = 'login_code'`)
    .where({ customer_phone: phone })
    .orderBy('created_at', 'desc')
    .first();
  expect(row, `no login code queued for ${phone}`).to.exist;
  return row.content.template.params[0];
}

/** The cookie header a browser would send back after this answer. */
export function cookieFrom(res: Response): string {
  const setCookie = res.headers['set-cookie'] as unknown as string[] | undefined;
  expect(setCookie, 'no Set-Cookie').to.exist;
  return setCookie![0].split(';')[0];
}

/** Signs `phone` in with a fresh code; the browser's cookie and CSRF token. */
export async function signInByCode(api: ApiClient, phone: string) {
  await api.post('/auth/login-code', { body: { phone } }).then((r) => expect(r.status).to.equal(202));
  const res = await api.post('/auth/session', { body: { phone, code: await lastLoginCode(phone) } });
  expect(res.status).to.equal(201);
  return { cookie: cookieFrom(res), csrfToken: res.body.csrfToken as string, body: res.body };
}
