import { inject, injectable } from 'inversify';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { staffAlert } from '../../message/domain/notification';
import type { OutboundQueue } from '../../message/domain/OutboundRequest';
import type { StaffDirectory } from '../../trip/domain/StaffDirectory';
import { thresholdReached } from '../domain/AiClaim';
import type { Counter } from '../domain/Plans';
import type { UsagePeriod } from '../domain/UsagePeriod';
import type { UsageCounters } from '../domain/UsageCounters';

export interface CountedUsage {
  tenantId: string;
  period: UsagePeriod;
  counter: Counter;
  used: number;
  limit: number | null;
  /** Something was refused: the limit is reached whatever `used` says. */
  refused?: boolean;
}

/**
 * Managers hear at 80% and at 100% of a limit, once each per period (the counter row's
 * `alerted_80` / `alerted_100`), through the `account_alert` notification every manager alert
 * uses; the event `usage.threshold` and an audit entry go with it. Runs in the counting transaction.
 */
@injectable()
export class UsageAlerts {
  constructor(
    @inject(TYPES.UsageCounters) private readonly counters: UsageCounters,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.StaffDirectory) private readonly staff: StaffDirectory,
    @inject(TYPES.UnmeteredOutboundQueue) private readonly outbound: OutboundQueue,
    @inject(TYPES.EventLog) private readonly events: EventLog,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async check(usage: CountedUsage): Promise<void> {
    const { tenantId, period, counter, used, limit } = usage;
    if (limit === null || limit === 0) return;
    const level = usage.refused ? 100 : thresholdReached(used, limit);
    if (!level || !(await this.counters.markAlerted(tenantId, period.start, counter, level))) return;
    if (level === 100) await this.counters.markAlerted(tenantId, period.start, counter, 80);
    const data = { counter, level, used, limit, period: period.start };
    await this.events.append([{ tenantId, type: 'usage.threshold', data }]);
    await this.audit.record({ tenantId, actor: 'system', action: 'USAGE_THRESHOLD', details: data });
    const tenant = await this.tenants.findById(tenantId);
    const language = tenant?.defaultLanguage ?? 'en';
    const summary = describe(language, counter, level, used, limit);
    const managers = await this.staff.activeByRoles(tenantId, ['manager']);
    await this.outbound.enqueueAll(
      managers.map((m) =>
        staffAlert(tenantId, m.phone, 'account_alert', [tenant?.name ?? 'your account', summary], language, {
          usageThreshold: level,
        }),
      ),
    );
  }
}

function describe(language: string, counter: Counter, level: number, used: number, limit: number): string {
  const spanish = language.toLowerCase().startsWith('es');
  const what = spanish
    ? { messages: 'mensajes', ai_conversations: 'conversaciones con IA' }[counter]
    : { messages: 'messages', ai_conversations: 'AI conversations' }[counter];
  return spanish
    ? `el plan llegó al ${level}% de sus ${limit} ${what} del mes (${used} usados)`
    : `the plan reached ${level}% of its ${limit} ${what} this month (${used} used)`;
}
