import { expect } from 'chai';
import type { ApproveQuote } from '../../../src/modules/booking/application/ApproveQuote';
import type { ConvertLeadToBooking } from '../../../src/modules/booking/application/ConvertLeadToBooking';
import type { CreateQuote } from '../../../src/modules/booking/application/CreateQuote';
import type { RecordPayment } from '../../../src/modules/booking/application/RecordPayment';
import type { SendPaymentLink } from '../../../src/modules/booking/application/SendPaymentLink';
import type { UpdateLead } from '../../../src/modules/lead/application/UpdateLead';
import { PermissionError } from '../../../src/shared/errors/AppError';
import { TYPES } from '../../../src/types';
import { aTenant, aUser } from '../../support/builders';
import {
  aBooking,
  aCustomerPhone,
  aLead,
  aTripRow,
  customerActor,
  setApprovalThreshold,
  staffActor,
} from '../../support/salesBuilders';
import { businessSnapshot, salesContext } from './salesTestKit';

describe('sales permissions', () => {
  async function setUp() {
    const { get } = salesContext();
    const tenant = await setApprovalThreshold(await aTenant(), '100.00');
    const rep = await aUser(tenant);
    const phone = aCustomerPhone();
    const lead = await aLead(tenant, { customerPhone: phone, assignedTo: rep.id });
    await aTripRow(tenant, 'TRP123');
    const booking = await aBooking(tenant, { customerPhone: phone });
    const quote = await get<CreateQuote>(TYPES.CreateQuote).execute({
      actor: staffActor(rep),
      leadId: lead.id,
      amount: '500',
      currency: 'USD',
      description: 'Trek',
    });
    const ops = staffActor(await aUser(tenant, { role: 'operations' }));
    const field = staffActor(await aUser(tenant, { role: 'field_staff' }));
    return {
      get,
      rep: staffActor(rep),
      customer: customerActor(tenant, phone),
      ops,
      field,
      lead,
      booking,
      quote,
    };
  }

  async function expectRefusedWithoutWrites(attempt: () => Promise<unknown>): Promise<void> {
    const before = await businessSnapshot();
    const error = await attempt().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(PermissionError);
    expect(await businessSnapshot()).to.deep.equal(before);
  }

  it('a sales rep may not approve a quote', async () => {
    const { get, rep, quote } = await setUp();
    await expectRefusedWithoutWrites(() =>
      get<ApproveQuote>(TYPES.ApproveQuote).execute({ actor: rep, quoteId: quote.id }),
    );
  });

  it('a customer may not convert a lead, quote, record a payment or update a lead', async () => {
    const { get, customer: actor, lead, booking } = await setUp();
    const convert = {
      actor,
      leadId: lead.id,
      tripCode: 'TRP123',
      partySize: 2,
      amount: '10',
      currency: 'USD',
    };
    await expectRefusedWithoutWrites(() =>
      get<ConvertLeadToBooking>(TYPES.ConvertLeadToBooking).execute(convert),
    );
    const quote = { actor, leadId: lead.id, amount: '10', currency: 'USD', description: 'x' };
    await expectRefusedWithoutWrites(() => get<CreateQuote>(TYPES.CreateQuote).execute(quote));
    const payment = { actor, bookingId: booking.id, amount: '10', currency: 'USD', reference: 'R' };
    await expectRefusedWithoutWrites(() => get<RecordPayment>(TYPES.RecordPayment).execute(payment));
    await expectRefusedWithoutWrites(() =>
      get<UpdateLead>(TYPES.UpdateLead).execute({ actor, leadId: lead.id, status: 'lost' }),
    );
  });

  it('operations may not quote and field staff may not send payment links', async () => {
    const { get, ops, field, lead, booking } = await setUp();
    const quote = { actor: ops, leadId: lead.id, amount: '10', currency: 'USD', description: 'x' };
    await expectRefusedWithoutWrites(() => get<CreateQuote>(TYPES.CreateQuote).execute(quote));
    await expectRefusedWithoutWrites(() =>
      get<SendPaymentLink>(TYPES.SendPaymentLink).execute({ actor: field, bookingId: booking.id }),
    );
  });
});
