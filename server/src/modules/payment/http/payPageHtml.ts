import { fromCents, toCents } from '../../booking/domain/Money';
import { fillPaymentUrl } from '../domain/paymentUrlTemplate';
import type { PayPageBooking } from '../infrastructure/payPageQuery';

const WORDS = {
  en: {
    booking: 'Booking',
    trip: 'Trip',
    departs: 'departs',
    amount: 'Amount',
    paid: 'Paid',
    due: 'To pay',
    status: 'Status',
    statuses: { pending_payment: 'Pending payment', confirmed: 'Paid and confirmed', cancelled: 'Cancelled' },
    pay: 'Pay',
    howToPay: 'How to pay',
    noMethod: 'Your sales rep will send you the payment details.',
    thanks: 'Thank you, this booking is paid.',
    cancelled: 'This booking was cancelled; nothing is to be paid.',
    notFound: 'This payment link is not valid. Please ask us for a new one.',
  },
  es: {
    booking: 'Reserva',
    trip: 'Viaje',
    departs: 'sale el',
    amount: 'Importe',
    paid: 'Pagado',
    due: 'A pagar',
    status: 'Estado',
    statuses: {
      pending_payment: 'Pendiente de pago',
      confirmed: 'Pagada y confirmada',
      cancelled: 'Cancelada',
    },
    pay: 'Pagar',
    howToPay: 'Cómo pagar',
    noMethod: 'Tu asesor de ventas te enviará los datos de pago.',
    thanks: 'Gracias, esta reserva está paga.',
    cancelled: 'Esta reserva fue cancelada; no hay nada que pagar.',
    notFound: 'Este enlace de pago no es válido. Pídenos uno nuevo.',
  },
};

const wordsFor = (language: string) => (language.toLowerCase().startsWith('es') ? WORDS.es : WORDS.en);

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2433}
main{max-width:32rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:12px}
h1{font-size:1.1rem;color:#555;margin:0}h2{margin:.3rem 0 1rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}
dt{color:#555}dd{margin:0}.pay{display:block;text-align:center;background:#128c4a;color:#fff;padding:.9rem;
border-radius:8px;text-decoration:none;font-weight:600;margin:1.2rem 0}.pay:focus{outline:3px solid #1d2433}
.instructions{white-space:pre-wrap;background:#f4f5f7;padding:1rem;border-radius:8px}`;

function page(language: string, title: string, body: string): string {
  return `<!doctype html><html lang="${language.toLowerCase().startsWith('es') ? 'es' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** SPEC §22: the booking (trip, amount, status) and the tenant's payment link or instructions. */
export function renderPayPage(b: PayPageBooking): string {
  const w = wordsFor(b.language);
  const due = fromCents(Math.max(0, toCents(b.amount) - toCents(b.paid)));
  const money = (amount: string) => `${amount} ${escape(b.currency)}`;
  const rows: Array<[string, string]> = [
    ...(b.tripName
      ? [
          [w.trip, `${escape(b.tripName)}${b.departureDate ? `, ${w.departs} ${b.departureDate}` : ''}`] as [
            string,
            string,
          ],
        ]
      : []),
    [w.amount, money(b.amount)],
    ...(toCents(b.paid) > 0 ? [[w.paid, money(b.paid)] as [string, string]] : []),
    [w.status, w.statuses[b.status]],
  ];
  const details = `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
  let action: string;
  if (b.status === 'confirmed') action = `<p>${w.thanks}</p>`;
  else if (b.status === 'cancelled') action = `<p>${w.cancelled}</p>`;
  else {
    const link = b.paymentUrlTemplate
      ? fillPaymentUrl(b.paymentUrlTemplate, { ref: b.ref, amount: due, currency: b.currency })
      : undefined;
    action = [
      `<p>${w.due}: <strong>${money(due)}</strong></p>`,
      link
        ? `<a class="pay" href="${escape(link)}" rel="noopener noreferrer">${w.pay} ${money(due)}</a>`
        : '',
      b.instructions
        ? `<h3>${w.howToPay}</h3><div class="instructions">${escape(b.instructions)}</div>`
        : link
          ? ''
          : `<p>${w.noMethod}</p>`,
    ].join('');
  }
  const heading = `<h1>${escape(b.tenantName)}</h1><h2>${w.booking} ${escape(b.ref)}</h2>`;
  return page(b.language, `${b.ref} · ${b.tenantName}`, heading + details + action);
}

export const renderPayPageNotFound = (language = 'en') =>
  page(language, '404', `<p>${wordsFor(language).notFound}</p>`);
