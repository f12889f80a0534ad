import type { Runtime } from '../../bootstrap';
import { JobRunner } from '../../jobs/JobRunner';
import type { CreateUser } from '../../modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../../modules/identity/application/EnsureDefaultTenant';
import type { Actor } from '../../modules/identity/domain/Actor';
import type { UpdatePaymentSettings } from '../../modules/payment/application/UpdatePaymentSettings';
import type { AssignStaff } from '../../modules/trip/application/AssignStaff';
import type { CreateTrip } from '../../modules/trip/application/CreateTrip';
import { TYPES } from '../../types';
import { CUSTOMER, SECOND_CUSTOMER, STAFF, TRIP, type StaffKey } from './demoCast';
import { openDemoChannel } from './demoChannel';
import { playField } from './demoField';
import { playSales } from './demoSales';
import type { DemoScene } from './demoScene';
import { printDay } from './printDay';

const PAYMENT_WEBHOOK_SECRET = 'demo-payment-webhook-secret';

/**
 * The scripted day of `wa-ops demo`, through the real use cases, the real inbound path (signed
 * deliveries posted to the app, processed by the inbox processor) and the payment webhook: staff,
 * a trip, a booking paid through the payment provider, another reminded and cancelled, and a
 * guide's incident from report to resolution, with the reminders of the day before departure.
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
  for (const c of [CUSTOMER, SECOND_CUSTOMER]) names.set(c.phone, c.name).set(`customer:${c.phone}`, c.name);
  names.set('provider:generic', 'payment webhook');
  step(`staff: ${STAFF.map((s) => s.name).join(', ')}`);

  await container.get<UpdatePaymentSettings>(TYPES.UpdatePaymentSettings).execute({
    actor: actors.manager,
    changes: {
      paymentUrlTemplate: 'https://pay.example.com/checkout?ref={ref}&amount={amount}&currency={currency}',
      instructions: 'Card through the link, or a bank transfer quoting your booking ref.',
      webhookSecret: PAYMENT_WEBHOOK_SECRET,
    },
  });
  step('payment settings: a checkout link, instructions, and a secret for the payment webhook');

  const departure = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await container
    .get<CreateTrip>(TYPES.CreateTrip)
    .execute({ actor: actors.manager, code: TRIP.code, name: TRIP.name, departureDate: departure });
  await container
    .get<AssignStaff>(TYPES.AssignStaff)
    .execute({ actor: actors.manager, tripCode: TRIP.code, userId: actors.guide.userId! });
  step(`trip ${TRIP.code} "${TRIP.name}" departing ${departure}, guide assigned (and told: trip_assignment)`);

  const channel = await openDemoChannel(container);
  const runner = container.get(JobRunner);
  const scene: DemoScene = {
    container,
    db,
    tenant,
    actors,
    channel,
    step,
    departure,
    paymentWebhookSecret: PAYMENT_WEBHOOK_SECRET,
    runJobAt: (name, at) => runner.run(runner.jobs.get(name)!, at, { trigger: 'manual' }),
  };
  try {
    await playSales(scene);
    await playField(scene);
  } finally {
    await channel.close();
  }
  await printDay(db, tenant.id, names, out);
}
