import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Container } from 'inversify';
import { createApp } from '../../app';
import type { Runtime } from '../../bootstrap';
import type { ApproveQuote } from '../../modules/booking/application/ApproveQuote';
import type { ConvertLeadToBooking } from '../../modules/booking/application/ConvertLeadToBooking';
import type { CreateQuote } from '../../modules/booking/application/CreateQuote';
import type { RecordPayment } from '../../modules/booking/application/RecordPayment';
import type { CreateUser } from '../../modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../../modules/identity/application/EnsureDefaultTenant';
import type { Actor } from '../../modules/identity/domain/Actor';
import type { AssignStaff } from '../../modules/trip/application/AssignStaff';
import type { CreateTrip } from '../../modules/trip/application/CreateTrip';
import type { Database } from '../../shared/db/Database';
import { TYPES } from '../../types';
import { CONSOLE_PHONE_NUMBER_ID } from '../../shared/channel/consoleChannel';
import { signMetaBody } from '../../whatsapp/inbound/metaSignature';
import { InboxProcessor } from '../../whatsapp/inbox/InboxProcessor';
import { metaTextDelivery } from '../simulateDelivery';
import { CUSTOMER, STAFF, TRIP, type StaffKey } from './demoCast';
import { formatTimeline, type TimelineRow } from './printTimeline';

/**
 * The scripted day of `wa-ops demo`, through the real use cases and the real inbound path (signed
 * deliveries posted to the app, processed by the inbox processor): staff, a trip, an enquiry that
 * becomes a paid booking, and a guide's incident from report to resolution.
 */
export async function runDemo(runtime: Runtime, out: (line: string) => void): Promise<void> {
  const { container, db } = runtime;
  const tenant = await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
  const names = new Map<string, string>();
  const actors = {} as Record<StaffKey, Actor>;
  const step = (text: string) => out(`• ${text}`);

  for (const s of STAFF) {
    const { user } = await container
      .get<CreateUser>(TYPES.CreateUser)
      .execute({ tenantId: tenant.id, name: s.name, phone: s.phone, role: s.role });
    actors[s.key] = {
      tenantId: tenant.id,
      role: s.role,
      userId: user.id,
      phone: s.phone,
      name: s.name,
      source: 'WEB',
    };
    names.set(user.id, s.name).set(s.phone, s.name);
  }
  names.set(CUSTOMER.phone, CUSTOMER.name).set(`customer:${CUSTOMER.phone}`, CUSTOMER.name);
  step(`staff: ${STAFF.map((s) => s.name).join(', ')}`);

  const departure = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await container
    .get<CreateTrip>(TYPES.CreateTrip)
    .execute({ actor: actors.manager, code: TRIP.code, name: TRIP.name, departureDate: departure });
  await container
    .get<AssignStaff>(TYPES.AssignStaff)
    .execute({ actor: actors.manager, tripCode: TRIP.code, userId: actors.guide.userId! });
  step(`trip ${TRIP.code} "${TRIP.name}" departing ${departure}, guide assigned`);

  const http = await listen(container);
  try {
    const say = async (from: { phone: string; name: string }, text: string) => {
      await post(container, http, from, text);
      step(`${from.name} on WhatsApp: "${text}"`);
    };
    await say(CUSTOMER, 'Hi! We are 4 people and would love to see Iguazú in March. Prices?');
    const lead = await db.q('leads').where({ tenant_id: tenant.id, customer_phone: CUSTOMER.phone }).first();
    if (!lead) throw new Error('the enquiry did not become a lead');

    let quote = await container.get<CreateQuote>(TYPES.CreateQuote).execute({
      actor: actors.sales,
      leadId: lead.id,
      amount: '1800.00',
      currency: 'USD',
      description: `${TRIP.name} for 4, hotel and transfers`,
    });
    if (quote.status === 'pending_approval')
      quote = await container
        .get<ApproveQuote>(TYPES.ApproveQuote)
        .execute({ actor: actors.manager, quoteId: quote.id });
    step(`${lead.ref}: quote ${quote.ref} sent by Sofía`);

    const booking = await container.get<ConvertLeadToBooking>(TYPES.ConvertLeadToBooking).execute({
      actor: actors.sales,
      leadId: lead.id,
      tripCode: TRIP.code,
      partySize: 4,
      amount: '1800.00',
      currency: 'USD',
    });
    await container.get<RecordPayment>(TYPES.RecordPayment).execute({
      actor: actors.sales,
      bookingId: booking.id,
      amount: '1800.00',
      currency: 'USD',
      reference: 'BANK-TRANSFER-0042',
    });
    step(`${booking.ref} on ${TRIP.code}: payment link sent with the booking, paid in full`);

    await say(guide(), `CHECKIN ${TRIP.code} group of 12 picked up at the hotel`);
    await say(guide(), `ISSUE ${TRIP.code} van has a flat tyre at km 40, waiting for help`);
    await say(operations(), `RESOLVED ${TRIP.code} spare fitted, back on the road`);
  } finally {
    await new Promise((resolve) => http.close(resolve));
  }
  await printAll(db, tenant.id, names, out);
}

const person = (key: StaffKey) => STAFF.find((s) => s.key === key)!;
const guide = () => person('guide');
const operations = () => person('operations');

async function listen(container: Container): Promise<Server> {
  const server = createApp(container).listen(0, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  return server;
}

/** Posts a signed Meta-format delivery to the app and processes it, as the server would. */
async function post(container: Container, http: Server, from: { phone: string; name: string }, text: string) {
  const { body } = metaTextDelivery({
    from: from.phone,
    name: from.name,
    text,
    phoneNumberId: CONSOLE_PHONE_NUMBER_ID,
    at: new Date(),
  });
  const { port } = http.address() as AddressInfo;
  const res = await fetch(`http://127.0.0.1:${port}/api/whatsapp/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hub-signature-256': signMetaBody(body, container.get<string>(TYPES.ConsoleWebhookSecret)),
    },
    body,
  });
  if (!res.ok) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
  await container.get(InboxProcessor).drain();
}

async function printAll(
  db: Database,
  tenantId: string,
  names: Map<string, string>,
  out: (line: string) => void,
) {
  const timeline = (type: string, id: string) =>
    db
      .q('timeline_entries')
      .where({ tenant_id: tenantId, entity_type: type, entity_id: id })
      .orderBy([{ column: 'created_at' }, { column: 'id' }])
      .select<TimelineRow[]>('created_at', 'event_type', 'source', 'actor', 'content');
  const one = (table: string) => db.q(table).where({ tenant_id: tenantId }).orderBy('created_at').first();
  const [lead, booking, trip, incident] = await Promise.all(
    ['leads', 'bookings', 'trips', 'incidents'].map(one),
  );
  const sections: Array<[string, { id: string } | undefined, string]> = [
    [`lead ${lead?.ref}`, lead, 'lead'],
    [`booking ${booking?.ref}`, booking, 'booking'],
    [`trip ${trip?.code}`, trip, 'trip'],
    [`incident ${incident?.ref}`, incident, 'incident'],
  ];
  for (const [title, row, type] of sections)
    if (row) formatTimeline(title, await timeline(type, row.id), names).forEach((l) => out(l));

  const outbound = await db
    .q('whatsapp_messages')
    .where({ tenant_id: tenantId, direction: 'OUTBOUND' })
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .select<
      Array<{
        customer_phone: string;
        status: string;
        content: { text?: string; template?: { name: string } };
      }>
    >('customer_phone', 'status', 'content');
  out('');
  out(`── WhatsApp messages sent (console provider: nothing left this machine) ${'─'.repeat(6)}`);
  for (const m of outbound) {
    const text =
      m.content.text ?? (m.content.template ? `[template ${m.content.template.name}]` : '[message]');
    out(`  → ${(names.get(m.customer_phone) ?? m.customer_phone).padEnd(20)} ${text.replace(/\s+/g, ' ')}`);
  }
}
