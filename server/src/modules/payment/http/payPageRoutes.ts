import { timingSafeEqual, createHash } from 'node:crypto';
import { Router } from 'express';
import type { Database } from '../../../shared/db/Database';
import { parseRef } from '../../../shared/refs/RefAllocator';
import { bookingsForPayPage } from '../infrastructure/payPageQuery';
import { renderPayPage, renderPayPageNotFound } from './payPageHtml';

/** Compares the link's token with a booking's without telling, through timing, how much matched. */
function sameToken(given: string, stored: string | undefined): boolean {
  if (!stored) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(stored)) && given.length === stored.length;
}

/**
 * `GET /pay/:bookingRef?t=<token>` (SPEC §2, §22): the payment link every booking sends. A wrong or
 * missing token is a 404, like an unknown ref; the page is never cached and sends no referrer (the
 * token is in its URL).
 */
export function payPageRoutes(db: Database): Router {
  const router = Router();
  router.get('/pay/:bookingRef', async (req, res) => {
    res.set({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer', 'x-robots-tag': 'noindex' });
    const ref = parseRef('BK', String(req.params.bookingRef));
    const token = typeof req.query.t === 'string' ? req.query.t : '';
    const candidates = ref && token ? await bookingsForPayPage(db, ref) : [];
    const booking = candidates.find((b) => sameToken(token, b.paymentToken));
    if (!booking) {
      res.status(404).type('html').send(renderPayPageNotFound());
      return;
    }
    res.status(200).type('html').send(renderPayPage(booking));
  });
  return router;
}
