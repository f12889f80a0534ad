import { inject, injectable } from 'inversify';
import type { Clock } from '../../../shared/clock/Clock';
import type { Logger } from '../../../shared/logging/createLogger';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import { TYPES } from '../../../types';
import type { AccountEvent } from '../../../shared/channel/InboundEvent';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventLog } from '../../events/domain/EventLog';
import { accountEventEffect } from '../domain/accountHealth';
import type { WhatsappConfiguration, WhatsappConfigurationRepository } from '../domain/WhatsappConfiguration';
import type { AlertManagers } from './AlertManagers';
import { healthEvent } from './healthEvent';

/**
 * An account-health webhook (SPEC §15): the connections it concerns get their new health fields
 * and an audit entry; the tenant's managers are alerted (template `account_alert`) when it is a
 * warning, a critical event or a change of status. Runs in the inbox's processing transaction.
 */
@injectable()
export class ApplyAccountEvent {
  constructor(
    @inject(TYPES.WhatsappConfigurationRepository)
    private readonly connections: WhatsappConfigurationRepository,
    @inject(TYPES.AlertManagers) private readonly alerts: AlertManagers,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Logger) private readonly logger: Logger,
    @inject(TYPES.EventLog) private readonly events: EventLog,
  ) {}

  async execute(tenantId: string, event: AccountEvent): Promise<void> {
    const targets = concerned(await this.connections.findByTenant(tenantId), event);
    if (!targets.length)
      return this.logger.warn(
        { tenantId, field: event.field },
        'account event for no connection of the tenant',
      );
    const at = (event.timestamp ?? this.clock.now()).toISOString();
    let alert: { summary: string; severity: string } | undefined;
    for (const connection of targets) {
      const { severity, summary, ...fields } = accountEventEffect(event, connection.messagingLimitTier);
      const updated = await this.connections.recordHealth(connection.id, {
        ...fields,
        health: { lastAccountEvent: { field: event.field, event: event.event ?? '', severity, summary, at } },
      });
      await this.events.append([healthEvent(updated)]);
      const statusChanged = updated.status !== connection.status;
      await this.audit.record({
        tenantId,
        actor: 'meta',
        action: 'CONNECTION_ACCOUNT_EVENT',
        entityType: 'connection',
        entityId: connection.id,
        details: { field: event.field, event: event.event, severity, summary, status: updated.status },
      });
      if (severity !== 'info' || statusChanged) alert ??= { summary, severity };
    }
    if (alert) await this.alerts.execute(tenantId, label(targets, event), alert.summary);
  }
}

/**
 * The number the event names (phone-number id or display number), else every connection of the
 * WABA. Only Cloud API connections: a Twilio number of the same business hears from Twilio.
 */
function concerned(all: WhatsappConfiguration[], event: AccountEvent): WhatsappConfiguration[] {
  const connections = all.filter((c) => c.provider !== 'twilio');
  const { phoneNumberId, businessPhone, wabaId } = event.route;
  const phone = businessPhone && (PhoneNumber.tryParse(businessPhone)?.e164 ?? businessPhone);
  const number = connections.filter(
    (c) => (phoneNumberId && c.phoneNumberId === phoneNumberId) || (phone && c.phoneNumber === phone),
  );
  if (number.length) return number;
  return connections.filter((c) => wabaId && c.businessAccountId === wabaId);
}

const label = (targets: WhatsappConfiguration[], event: AccountEvent): string =>
  targets.length === 1
    ? (targets[0].verifiedName ?? targets[0].displayPhoneNumber ?? targets[0].phoneNumber ?? 'your number')
    : `WhatsApp Business Account ${event.route.wabaId ?? ''}`.trim();
