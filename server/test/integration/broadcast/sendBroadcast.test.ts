import { expect } from 'chai';
import type { BroadcastToTrip } from '../../../src/modules/broadcast/application/BroadcastToTrip';
import type { CreateBroadcastList } from '../../../src/modules/broadcast/application/CreateBroadcastList';
import type { GetBroadcast } from '../../../src/modules/broadcast/application/GetBroadcast';
import type { SendBroadcast } from '../../../src/modules/broadcast/application/SendBroadcast';
import type { Actor } from '../../../src/modules/identity/domain/Actor';
import type { Tenant } from '../../../src/modules/identity/domain/Tenant';
import type { ApplyStatusUpdate } from '../../../src/modules/message/application/ApplyStatusUpdate';
import { TYPES } from '../../../src/types';
import type { DeliveryStatus } from '../../../src/shared/channel/InboundEvent';
import { OutboundDispatcher } from '../../../src/whatsapp/outbound/dispatch/OutboundDispatcher';
import { aTenant, aUser } from '../../support/builders';
import { testDb } from '../../support/integrationHooks';
import { aBookingOn, anActor, aTrip } from '../../support/tripBuilders';
import { testContainer, type TestContext } from '../../support/testContainer';
import { aTemplate, configureConsole, consent } from './broadcastTestKit';

const [ANA, BEN, CAROL, DAN] = ['+14155550101', '+14155550102', '+14155550103', '+14155550104'];

describe('SendBroadcast and GetBroadcast', () => {
  let ctx: TestContext;
  let tenant: Tenant;
  let ops: Actor;
  const send = () => ctx.container.get<SendBroadcast>(TYPES.SendBroadcast);
  const get = (id: string) => ctx.container.get<GetBroadcast>(TYPES.GetBroadcast).execute({ actor: ops, id });
  const aList = (phones: string[]) =>
    ctx.container
      .get<CreateBroadcastList>(TYPES.CreateBroadcastList)
      .execute({ actor: ops, name: `list ${Math.random()}`, members: phones.map((phone) => ({ phone })) });
  const template = { name: 'spring_offer', params: ['friend', 'the Andes'] };

  beforeEach(async () => {
    ctx = testContainer();
    tenant = await aTenant();
    ops = anActor(await aUser(tenant, { role: 'operations' }), { source: 'WEB' });
  });

  it('queues one template message per opted-in member and records the others as skipped', async () => {
    await aTemplate(tenant);
    await consent(tenant, ANA, 'opted_in');
    await consent(tenant, BEN, 'opted_in');
    await consent(tenant, CAROL, 'opted_out');
    const list = await aList([ANA, BEN, CAROL, DAN]);
    const result = await send().execute({ actor: ops, listId: list.id, template });
    expect(result).to.include({ queued: 2, skipped: 2 });
    const messages = await testDb()
      .knex('whatsapp_messages')
      .where({ tenant_id: tenant.id })
      .orderBy('customer_phone');
    expect(messages.map((m) => [m.customer_phone, m.status, m.type])).to.deep.equal([
      [ANA, 'queued', 'template'],
      [BEN, 'queued', 'template'],
    ]);
    expect(messages[0].content).to.deep.include({
      purpose: 'broadcast',
      template: { name: 'spring_offer', language: 'en', params: ['friend', 'the Andes'] },
      context: { broadcastId: result.broadcastId },
    });
    const view = await get(result.broadcastId);
    expect(view.counts).to.deep.equal({
      total: 4,
      queued: 2,
      sent: 0,
      delivered: 0,
      read: 0,
      failed: 0,
      skipped: 2,
    });
    expect(view.recipients.filter((r) => r.status === 'skipped')).to.deep.equal([
      { phone: CAROL, status: 'skipped', reason: 'opted_out' },
      { phone: DAN, status: 'skipped', reason: 'no_opt_in' },
    ]);
  });

  it('refuses a template that is not approved, or the wrong parameters, writing nothing', async () => {
    await aTemplate(tenant, { status: 'PENDING' });
    await aTemplate(tenant, { name: 'approved_one' });
    await consent(tenant, ANA, 'opted_in');
    const list = await aList([ANA]);
    const pending = await send()
      .execute({ actor: ops, listId: list.id, template })
      .catch((e: unknown) => e);
    expect(pending).to.include({ code: 'TEMPLATE_NOT_APPROVED' });
    const missing = await send()
      .execute({ actor: ops, listId: list.id, template: { ...template, language: 'es' } })
      .catch((e: unknown) => e);
    expect(missing).to.include({ code: 'TEMPLATE_NOT_APPROVED' });
    const params = await send()
      .execute({ actor: ops, listId: list.id, template: { name: 'approved_one', params: ['only one'] } })
      .catch((e: unknown) => e);
    expect(params).to.include({ code: 'TEMPLATE_PARAMS' });
    expect(await testDb().knex('whatsapp_broadcasts')).to.have.length(0);
    expect(await testDb().knex('whatsapp_messages')).to.have.length(0);
  });

  it('needs exactly one of a list and a trip, and the broadcast permission', async () => {
    await aTemplate(tenant);
    const list = await aList([ANA]);
    const trip = await aTrip(tenant);
    const both = await send()
      .execute({ actor: ops, listId: list.id, tripCode: trip.code, template })
      .catch((e: unknown) => e);
    expect(both).to.include({ code: 'VALIDATION_FAILED' });
    const sales = anActor(await aUser(tenant, { role: 'sales' }));
    const refused = await send()
      .execute({ actor: sales, listId: list.id, template })
      .catch((e: unknown) => e);
    expect(refused).to.include({ code: 'PERMISSION_DENIED' });
  });

  it("reaches a trip's booked customers, skipping a marketing opt-out for a marketing template", async () => {
    await aTemplate(tenant, { category: 'MARKETING' });
    const trip = await aTrip(tenant);
    for (const phone of [ANA, BEN]) await aBookingOn(trip, phone);
    await consent(tenant, ANA, 'opted_in');
    await consent(tenant, BEN, 'opted_in', true);
    const result = await send().execute({ actor: ops, tripCode: trip.code.toLowerCase(), template });
    expect(result).to.include({ queued: 1, skipped: 1 });
    const view = await get(result.broadcastId);
    expect(view.tripId).to.equal(trip.id);
    expect(view.recipients.map((r) => [r.phone, r.status, r.reason])).to.deep.equal([
      [ANA, 'queued', undefined],
      [BEN, 'skipped', 'marketing_opted_out'],
    ]);
  });

  it('reports progress from the messages as the dispatcher sends and statuses arrive', async () => {
    await configureConsole(ctx.container, tenant);
    await aTemplate(tenant);
    for (const phone of [ANA, BEN, CAROL]) await consent(tenant, phone, 'opted_in');
    const list = await aList([ANA, BEN, CAROL, DAN]);
    const { broadcastId } = await send().execute({ actor: ops, listId: list.id, template });

    expect(await ctx.container.get(OutboundDispatcher).drain()).to.equal(3);
    expect((await get(broadcastId)).counts).to.include({ queued: 0, sent: 3, skipped: 1 });

    const providerId = async (phone: string) =>
      (await testDb().knex('whatsapp_messages').where({ customer_phone: phone }).first()).provider_message_id;
    const report = async (
      phone: string,
      status: DeliveryStatus,
      errors?: Array<{ code: string; title: string }>,
    ) =>
      ctx.container.get<ApplyStatusUpdate>(TYPES.ApplyStatusUpdate).execute(tenant.id, {
        kind: 'status',
        route: {},
        providerMessageId: await providerId(phone),
        status,
        timestamp: new Date(),
        errors,
        raw: {},
      });
    await report(ANA, 'delivered');
    await report(BEN, 'delivered');
    await report(BEN, 'read');
    await report(CAROL, 'failed', [{ code: '131026', title: 'Message undeliverable' }]);

    const view = await get(broadcastId);
    expect(view.counts).to.deep.equal({
      total: 4,
      queued: 0,
      sent: 0,
      delivered: 1,
      read: 1,
      failed: 1,
      skipped: 1,
    });
    expect(view.recipients.find((r) => r.phone === CAROL)).to.include({
      status: 'failed',
      errorCode: '131026',
      errorTitle: 'Message undeliverable',
    });
  });

  it('carries header and button values into every message and the broadcast, checked against the template', async () => {
    await aTemplate(tenant, {
      components: [
        { type: 'HEADER', format: 'IMAGE' },
        { type: 'BODY', text: 'Hi {{1}}, news about {{2}}.' },
        { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'More', url: 'https://example.com/{{1}}' }] },
      ],
    });
    for (const phone of [ANA, BEN]) await consent(tenant, phone, 'opted_in');
    const list = await aList([ANA, BEN]);
    const full = {
      ...template,
      header: { type: 'image' as const, link: 'https://cdn.example.com/andes.jpg' },
      buttons: [{ index: 0, type: 'url' as const, text: 'andes-2026' }],
    };
    const refused = await send()
      .execute({ actor: ops, listId: list.id, template: { ...full, header: undefined } })
      .catch((e: { code: string; details: unknown }) => e);
    expect(refused).to.deep.include({
      code: 'TEMPLATE_PARAMS',
      details: { fields: [{ field: 'template.header', message: 'the header takes an image' }] },
    });

    const { broadcastId } = await send().execute({ actor: ops, listId: list.id, template: full });
    const messages = await testDb().knex('whatsapp_messages').where({ tenant_id: tenant.id });
    expect(messages.map((m) => m.content.template)).to.deep.equal([
      { ...full, language: 'en' },
      { ...full, language: 'en' },
    ]);
    expect((await get(broadcastId)).template).to.deep.equal({ ...full, language: 'en' });
  });

  it('pages the recipients by phone while the counts cover them all', async () => {
    await aTemplate(tenant);
    for (const phone of [ANA, CAROL]) await consent(tenant, phone, 'opted_in');
    const { broadcastId } = await send().execute({
      actor: ops,
      listId: (await aList([DAN, CAROL, BEN, ANA])).id,
      template,
    });
    const page = (after?: string) =>
      ctx.container
        .get<GetBroadcast>(TYPES.GetBroadcast)
        .execute({ actor: ops, id: broadcastId, limit: 3, after });
    const first = await page();
    expect(first.recipients.map((r) => r.phone)).to.deep.equal([ANA, BEN, CAROL]);
    expect(first.nextCursor).to.equal(CAROL);
    const second = await page(first.nextCursor);
    expect(second.recipients.map((r) => r.phone)).to.deep.equal([DAN]);
    expect(second.nextCursor).to.equal(undefined);
    for (const view of [first, second]) expect(view.counts).to.include({ total: 4, queued: 2, skipped: 2 });
  });

  it('sends without a language in the tenant’s, or in English where the template is approved only there', async () => {
    const french = await aTenant({ defaultLanguage: 'fr' });
    const frenchOps = anActor(await aUser(french, { role: 'operations' }), { source: 'WEB' });
    await aTemplate(french, { name: 'trip_broadcast', body: 'Trip {{1}}: {{2}}. Questions welcome.' });
    const trip = await aTrip(french);
    await aBookingOn(trip, ANA);
    await consent(french, ANA, 'opted_in');
    const broadcast = ctx.container.get<BroadcastToTrip>(TYPES.BroadcastToTrip);
    const result = await broadcast.execute({ actor: frenchOps, tripCode: trip.code, text: 'we leave at 6' });
    expect(result).to.include({ queued: 1 });
    const [queued] = await testDb().knex('whatsapp_messages').where({ tenant_id: french.id });
    expect(queued.content.template).to.include({ name: 'trip_broadcast', language: 'en' });
  });

  it("answers NOT_FOUND for another tenant's broadcast", async () => {
    await aTemplate(tenant);
    const { broadcastId } = await send().execute({ actor: ops, listId: (await aList([ANA])).id, template });
    const stranger = anActor(await aUser(await aTenant(), { role: 'manager' }));
    const error = await ctx.container
      .get<GetBroadcast>(TYPES.GetBroadcast)
      .execute({ actor: stranger, id: broadcastId })
      .catch((e: unknown) => e);
    expect(error).to.include({ code: 'NOT_FOUND' });
  });
});
