import { escapeHtml as e } from '../../../shared/http/escapeHtml';
import type { PaymentSettings } from '../../identity/domain/Tenant';
import { formatMoney } from '../domain/Money';
import type { PaymentPageView } from '../infrastructure/paymentPageQuery';

const en = {
  title: (ref: string) => `Booking ${ref}`,
  trip: 'Trip',
  departs: 'departs',
  people: 'People',
  amount: 'Amount',
  paid: 'Paid so far',
  status: 'Status',
  statuses: { pending_payment: 'waiting for payment', confirmed: 'paid — confirmed', cancelled: 'cancelled' },
  howToPay: 'How to pay',
  payNow: 'Pay now',
  noInstructions: 'Your sales rep will send you the payment details shortly.',
  confirmed: 'Thank you: your booking is paid and confirmed.',
  cancelled: 'This booking was cancelled: nothing is due.',
  notFound: 'This payment link is not valid. Ask us for a new one on WhatsApp.',
};
const es: typeof en = {
  title: (ref) => `Reserva ${ref}`,
  trip: 'Viaje',
  departs: 'sale el',
  people: 'Personas',
  amount: 'Importe',
  paid: 'Pagado hasta ahora',
  status: 'Estado',
  statuses: {
    pending_payment: 'pendiente de pago',
    confirmed: 'pagada — confirmada',
    cancelled: 'cancelada',
  },
  howToPay: 'Cómo pagar',
  payNow: 'Pagar ahora',
  noInstructions: 'Tu asesor de ventas te enviará los datos de pago en breve.',
  confirmed: 'Gracias: tu reserva está pagada y confirmada.',
  cancelled: 'Esta reserva fue cancelada: no hay nada que pagar.',
  notFound: 'Este link de pago no es válido. Pídenos uno nuevo por WhatsApp.',
};
const textsFor = (language: string) => (language.startsWith('es') ? es : en);

/** `paymentUrlTemplate` with the booking filled in; only an http(s) link is ever rendered. */
export function paymentUrl(settings: PaymentSettings, view: PaymentPageView): string | undefined {
  if (!settings.paymentUrlTemplate) return undefined;
  const values: Record<string, string> = { ref: view.ref, amount: view.amount, currency: view.currency };
  const url = settings.paymentUrlTemplate.replace(/\{(ref|amount|currency)\}/g, (_m, key: string) =>
    encodeURIComponent(values[key]),
  );
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

function howToPay(view: PaymentPageView, t: typeof en): string {
  if (view.status === 'confirmed') return `<p class="ok">${e(t.confirmed)}</p>`;
  if (view.status === 'cancelled') return `<p>${e(t.cancelled)}</p>`;
  const { instructions } = view.tenant.payments;
  const link = paymentUrl(view.tenant.payments, view);
  if (!instructions && !link) return `<h2>${e(t.howToPay)}</h2><p>${e(t.noInstructions)}</p>`;
  return [
    `<h2>${e(t.howToPay)}</h2>`,
    instructions ? `<p class="instructions">${e(instructions)}</p>` : '',
    link ? `<p><a class="pay" href="${e(link)}" rel="noopener noreferrer">${e(t.payNow)}</a></p>` : '',
  ].join('');
}

function page(language: string, title: string, body: string): string {
  return `<!doctype html><html lang="${language.startsWith('es') ? 'es' : 'en'}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>${e(title)}</title><style>body{font:16px/1.5 system-ui,sans-serif;max-width:32em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3em 0;border-bottom:1px solid #eee}
.instructions{white-space:pre-line;background:#f6f6f6;padding:.8em}.ok{color:#1e7a3c}
.pay{display:inline-block;background:#1e7a3c;color:#fff;padding:.6em 1.2em;border-radius:6px;text-decoration:none}</style>
</head><body>${body}</body></html>`;
}

/** The payment page: server-rendered, every value escaped, no script (helmet's CSP applies). */
export function renderPaymentPage(view: PaymentPageView): string {
  const t = textsFor(view.tenant.language);
  const rows: Array<[string, string]> = [
    ...(view.trip
      ? [
          [t.trip, `${view.trip.name} (${view.trip.code}), ${t.departs} ${view.trip.departureDate}`] as [
            string,
            string,
          ],
        ]
      : []),
    [t.people, String(view.partySize)],
    [t.amount, formatMoney(view.amount, view.currency)],
    ...(view.status === 'pending_payment' && Number(view.paid) > 0
      ? [[t.paid, formatMoney(view.paid, view.currency)] as [string, string]]
      : []),
    [t.status, t.statuses[view.status]],
  ];
  const table = rows.map(([k, v]) => `<tr><th>${e(k)}</th><td>${e(v)}</td></tr>`).join('');
  return page(
    view.tenant.language,
    t.title(view.ref),
    `<p>${e(view.tenant.name)}</p><h1>${e(t.title(view.ref))}</h1><table>${table}</table>${howToPay(view, t)}`,
  );
}

export function renderPaymentPageNotFound(): string {
  return page(
    'en',
    'Not found',
    `<h1>Not found</h1><p>${e(en.notFound)}</p><p lang="es">${e(es.notFound)}</p>`,
  );
}
