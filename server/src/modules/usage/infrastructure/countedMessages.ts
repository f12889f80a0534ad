import type { Database } from '../../../shared/db/Database';
import { staffAmong } from '../../identity/infrastructure/staffNumbers';
import type { OutboundPurpose } from '../../message/domain/OutboundRequest';

export interface Queued {
  id: string;
  tenantId: string;
  to: string;
  purpose: OutboundPurpose;
}

/**
 * The queued messages that count (SPEC §17), by tenant: messages to customers. Staff alerts and
 * login codes go to the tenant's staff users, whose numbers are not counted.
 */
export async function countedMessages(db: Database, queued: Queued[]): Promise<Map<string, Queued[]>> {
  const byTenant = new Map<string, Queued[]>();
  for (const m of queued) byTenant.set(m.tenantId, [...(byTenant.get(m.tenantId) ?? []), m]);
  for (const [tenantId, messages] of byTenant) {
    const staff = await staffAmong(
      db,
      tenantId,
      messages.map((m) => m.to),
    );
    const customers = messages.filter((m) => !staff.has(m.to));
    if (customers.length) byTenant.set(tenantId, customers);
    else byTenant.delete(tenantId);
  }
  return byTenant;
}
