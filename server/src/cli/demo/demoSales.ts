import type { CancelBooking } from '../../modules/booking/application/CancelBooking';
import type { ApproveQuote } from '../../modules/booking/application/ApproveQuote';
import type { ConvertLeadToBooking } from '../../modules/booking/application/ConvertLeadToBooking';
import type { CreateQuote } from '../../modules/booking/application/CreateQuote';
import type { Booking } from '../../modules/booking/domain/Booking';
import { TYPES } from '../../types';
import { CUSTOMER, SECOND_CUSTOMER, TRIP } from './demoCast';
import type { DemoScene } from './demoScene';

/** From an enquiry to a booking: the lead, its quote (approved when over the threshold), the booking. */
async function book(
  scene: DemoScene,
  customer: { phone: string; name: string },
  text: string,
  people: number,
) {
  const { container, db, tenant, actors, step } = scene;
  await scene.channel.deliver(customer, text);
  step(`${customer.name} on WhatsApp: "${text}"`);
  const lead = await db.q('leads').where({ tenant_id: tenant.id, customer_phone: customer.phone }).first();
  if (!lead) throw new Error('the enquiry did not become a lead');
  const amount = (450 * people).toFixed(2);
  let quote = await container.get<CreateQuote>(TYPES.CreateQuote).execute({
    actor: actors.sales,
    leadId: lead.id,
    amount,
    currency: 'USD',
    description: `${TRIP.name} for ${people}, hotel and transfers`,
  });
  if (quote.status === 'pending_approval')
    quote = await container
      .get<ApproveQuote>(TYPES.ApproveQuote)
      .execute({ actor: actors.manager, quoteId: quote.id });
  const booking = await container.get<ConvertLeadToBooking>(TYPES.ConvertLeadToBooking).execute({
    actor: actors.sales,
    leadId: lead.id,
    tripCode: TRIP.code,
    partySize: people,
    amount,
    currency: 'USD',
  });
  step(`${lead.ref}: quote ${quote.ref} sent by Sofía; booking ${booking.ref} made, its payment link sent`);
  return booking;
}

/** Carla pays through the payment provider's webhook; Diego never pays, is reminded, and cancels. */
export async function playSales(scene: DemoScene): Promise<void> {
  const paid: Booking = await book(
    scene,
    CUSTOMER,
    'Hi! We are 4 people and would love to see Iguazú in March. Prices?',
    4,
  );
  await scene.channel.confirmPayment(scene.tenant.id, scene.paymentWebhookSecret, {
    bookingRef: paid.ref,
    amount: paid.amount,
    currency: paid.currency,
    reference: 'PSP-2026-000042',
  });
  scene.step(
    `${paid.ref}: the payment provider's signed webhook confirms ${paid.amount} ${paid.currency}; booking confirmed`,
  );

  const unpaid = await book(scene, SECOND_CUSTOMER, 'Hola, somos 2 y queremos ir a Iguazú. ¿Cuánto sale?', 2);
  const dayLater = new Date(Date.now() + 25 * 3_600_000);
  const run = await scene.runJobAt('payment-reminders', dayLater);
  scene.step(
    `a day later, job payment-reminders: ${run?.summary.reminded ?? 0} reminder sent for ${unpaid.ref}`,
  );
  await scene.channel.deliver(SECOND_CUSTOMER, `CANCEL ${unpaid.ref}`);
  scene.step(
    `${SECOND_CUSTOMER.name} on WhatsApp: "CANCEL ${unpaid.ref}" (Sofía is alerted; nothing changes yet)`,
  );
  await scene.container.get<CancelBooking>(TYPES.CancelBooking).execute({
    actor: scene.actors.sales,
    bookingId: unpaid.id,
    reason: 'the customer changed their plans',
  });
  scene.step(`Sofía cancels ${unpaid.ref}; ${SECOND_CUSTOMER.name} is told (booking_cancelled)`);
}
