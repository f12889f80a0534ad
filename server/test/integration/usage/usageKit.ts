import type { UsageLimits } from '../../../src/modules/usage/application/UsageLimits';
import type { Job } from '../../../src/shared/jobs/Job';
import { TYPES } from '../../../src/types';
import { testDb } from '../../support/integrationHooks';

const knex = () => testDb().knex;

/** The tenant's plan (and overrides, timezone) as an operator would set them. */
export async function onPlan(
  tenantId: string,
  plan: string,
  overrides: Record<string, unknown> = {},
  timezone = 'UTC',
): Promise<void> {
  await knex()('tenants')
    .where({ id: tenantId })
    .update({ plan, plan_overrides: JSON.stringify(overrides), timezone });
}

/** The tenant has already used `used` of a counter in the period starting `period`. */
export async function alreadyUsed(
  tenantId: string,
  period: string,
  counter: string,
  used: number,
): Promise<void> {
  await knex()('usage_counters').insert({ tenant_id: tenantId, period_start: period, counter, used });
}

export async function counter(tenantId: string, period: string, name = 'messages') {
  return (await knex()('usage_counters')
    .where({ tenant_id: tenantId, period_start: period, counter: name })
    .first('used', 'alerted_80', 'alerted_100')) as
    { used: number; alerted_80: boolean; alerted_100: boolean } | undefined;
}

export async function outboundRows(tenantId: string) {
  return (await knex()('whatsapp_messages')
    .where({ tenant_id: tenantId, direction: 'OUTBOUND' })
    .select('id', 'customer_phone', 'status', 'error_code', 'usage_period', 'priority')) as Array<{
    id: string;
    customer_phone: string;
    status: string;
    error_code: string | null;
    usage_period: Date | string | null;
    priority: string;
  }>;
}

export async function usageEvents(tenantId: string) {
  return (await knex()('events')
    .where({ tenant_id: tenantId, type: 'usage.threshold' })
    .select('data')) as Array<{
    data: Record<string, unknown>;
  }>;
}

export const usageLimits = (container: { get<T>(id: symbol): T }) =>
  container.get<UsageLimits>(TYPES.UsageLimits);

export const usageResetJob = (container: { getAll<T>(id: symbol): T[] }) =>
  container.getAll<Job>(TYPES.Jobs).find((j) => j.name === 'usage-reset')!;
