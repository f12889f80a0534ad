import type { Actor } from '../../src/modules/identity/domain/Actor';
import type { Tenant } from '../../src/modules/identity/domain/Tenant';
import type { User } from '../../src/modules/identity/domain/User';
import type { LeadStatus } from '../../src/modules/lead/domain/Lead';
import { KnexRefAllocator } from '../../src/shared/refs/KnexRefAllocator';
import { testDb } from './integrationHooks';

let sequence = 0;
const next = () => ++sequence;

/** A customer phone nobody else in the run uses. */
export const aCustomerPhone = (): string => `+5491155${String(100000 + next()).slice(-6)}`;

export const staffActor = (user: User): Actor => ({
  tenantId: user.tenantId,
  role: user.role,
  userId: user.id,
  phone: user.phone,
  name: user.name,
  source: 'WEB',
});

export const customerActor = (tenant: Tenant, phone: string, name?: string): Actor => ({
  tenantId: tenant.id,
  role: 'customer',
  phone,
  name,
  source: 'WHATSAPP',
});

export interface LeadRowInput {
  customerPhone: string;
  customerName: string;
  status: LeadStatus;
  assignedTo: string | null;
  createdAt: Date;
  summary: string;
}

/** A lead row straight in the table, with a real LD ref from the tenant's counter. */
export async function aLead(
  tenant: Tenant,
  overrides: Partial<LeadRowInput> = {},
): Promise<{ id: string; ref: string }> {
  const ref = await new KnexRefAllocator(testDb()).next(tenant.id, 'LD');
  const [row] = await testDb()
    .knex('leads')
    .insert({
      tenant_id: tenant.id,
      ref,
      customer_phone: overrides.customerPhone ?? aCustomerPhone(),
      customer_name: overrides.customerName ?? 'Ana',
      status: overrides.status ?? 'new',
      summary: overrides.summary ?? 'Patagonia trek for 2 people in December',
      assigned_to: overrides.assignedTo ?? null,
      ...(overrides.createdAt ? { created_at: overrides.createdAt } : {}),
    })
    .returning(['id', 'ref']);
  return row as { id: string; ref: string };
}

/** A trip row straight in the table: the trip module is not needed to book one. */
export async function aTripRow(
  tenant: Tenant,
  code: string,
  overrides: Partial<{ name: string; departureDate: string }> = {},
): Promise<{ id: string; code: string }> {
  const [row] = await testDb()
    .knex('trips')
    .insert({
      tenant_id: tenant.id,
      code,
      name: overrides.name ?? `Trip ${code}`,
      departure_date: overrides.departureDate ?? '2026-12-05',
    })
    .returning(['id', 'code']);
  return row as { id: string; code: string };
}

export interface BookingRowInput {
  customerPhone: string;
  customerName: string;
  tripId: string | null;
  leadId: string | null;
  amount: string;
  currency: string;
  status: 'pending_payment' | 'confirmed' | 'cancelled';
  paymentToken: string;
}

export async function aBooking(
  tenant: Tenant,
  overrides: Partial<BookingRowInput> = {},
): Promise<{ id: string; ref: string }> {
  const ref = await new KnexRefAllocator(testDb()).next(tenant.id, 'BK');
  const [row] = await testDb()
    .knex('bookings')
    .insert({
      tenant_id: tenant.id,
      ref,
      lead_id: overrides.leadId ?? null,
      trip_id: overrides.tripId ?? null,
      customer_phone: overrides.customerPhone ?? aCustomerPhone(),
      customer_name: overrides.customerName ?? 'Ana',
      party_size: 2,
      amount: overrides.amount ?? '1000.00',
      currency: overrides.currency ?? 'USD',
      status: overrides.status ?? 'pending_payment',
      payment_token: overrides.paymentToken ?? `token-${next()}`,
    })
    .returning(['id', 'ref']);
  return row as { id: string; ref: string };
}

/** An active conversation, for leads that point at one. */
export async function aConversation(tenant: Tenant, customerPhone: string): Promise<string> {
  const [row] = await testDb()
    .knex('whatsapp_conversations')
    .insert({ tenant_id: tenant.id, customer_phone: customerPhone, last_inbound_at: new Date() })
    .returning('id');
  return (row as { id: string }).id;
}

export async function setApprovalThreshold(tenant: Tenant, threshold: string): Promise<Tenant> {
  await testDb().knex('tenants').where({ id: tenant.id }).update({ quote_approval_threshold: threshold });
  return { ...tenant, quoteApprovalThreshold: threshold };
}
