import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { customerKeyOf } from '../../../shared/phone/customerKey';
import { TYPES } from '../../../types';
import type { UserPreferenceEvent } from '../../../shared/channel/InboundEvent';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { OptInRepository } from '../domain/OptIn';

/**
 * Meta's `user_preferences` webhook: a customer stopped or resumed marketing messages from the
 * business in WhatsApp itself. Recorded as a 131050 is (no MARKETING template while stopped).
 * Runs in the inbox's processing transaction.
 */
@injectable()
export class ApplyUserPreference {
  constructor(
    @inject(TYPES.OptInRepository) private readonly optIns: OptInRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute(tenantId: string, event: UserPreferenceEvent): Promise<void> {
    const phone = customerKeyOf(event.waId, event.userId);
    const value = event.value.toLowerCase();
    if (!phone || event.category !== 'marketing_messages' || !['stop', 'resume'].includes(value))
      return this.logger.info({ tenantId, category: event.category, value }, 'user preference not applied');
    if (value === 'stop') await this.optIns.recordMarketingOptOut(tenantId, phone);
    else await this.optIns.recordMarketingOptIn(tenantId, phone);
    await this.audit.record({
      tenantId,
      actor: `customer:${phone}`,
      action: value === 'stop' ? 'MARKETING_OPTED_OUT' : 'MARKETING_OPTED_IN',
      entityType: 'contact',
      entityId: phone,
      details: { source: 'user_preferences' },
    });
  }
}
