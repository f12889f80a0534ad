import { Router } from 'express';
import type { Database } from '../../../shared/db/Database';
import { findPaymentPage } from '../infrastructure/paymentPageQuery';
import { renderPaymentPage, renderPaymentPageNotFound } from './paymentPage';

const REF = /^BK-\d{1,12}$/;
const TOKEN = /^[\w-]{16,64}$/;

/**
 * `GET /pay/:bookingRef?t=<token>`: the page every payment link opens (PAYMENT_LINK_BASE_URL).
 * Public — the token is the credential — so an unknown ref, a wrong or missing token all answer
 * the same 404. Never cached; no referrer leaves it (helmet), so the token stays in the link.
 */
export function paymentPageRoutes(db: Database): Router {
  const router = Router();
  router.get('/pay/:bookingRef', async (req, res) => {
    const ref = req.params.bookingRef;
    const token = typeof req.query.t === 'string' ? req.query.t : '';
    const view = REF.test(ref) && TOKEN.test(token) ? await findPaymentPage(db, ref, token) : undefined;
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-robots-tag', 'noindex');
    res
      .status(view ? 200 : 404)
      .type('html')
      .send(view ? renderPaymentPage(view) : renderPaymentPageNotFound());
  });
  return router;
}
