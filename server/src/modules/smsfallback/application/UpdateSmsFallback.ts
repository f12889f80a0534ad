import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { BusinessRuleError, ValidationError } from '../../../shared/errors/AppError';
import { PhoneNumber } from '../../../shared/phone/PhoneNumber';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { SmsChannel, SmsFallbackSetting, SmsFallbackSettings } from '../domain/SmsFallback';

/**
 * PUT /settings/sms-fallback (managers): turns the SMS fallback on or off and sets the number it
 * sends from. Turning it on needs an SMS number and Twilio credentials (the tenant's Twilio
 * connection or the installation's TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN); audited.
 */
@injectable()
export class UpdateSmsFallback {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.SmsFallbackSettings) private readonly settings: SmsFallbackSettings,
    @inject(TYPES.SmsChannel) private readonly sms: SmsChannel,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(actor: Actor, input: SmsFallbackSetting): Promise<SmsFallbackSetting> {
    assertAllowed(actor, 'manage_settings');
    const from = input.from === undefined ? undefined : smsNumber(input.from);
    if (input.enabled && !from)
      throw new ValidationError('An SMS number is needed to send SMS', [
        { field: 'from', message: 'required when enabled' },
      ]);
    if (input.enabled && !(await this.sms.available(actor.tenantId)))
      throw new BusinessRuleError('SMS_UNAVAILABLE', 'No Twilio credentials to send SMS with', {
        fields: [
          { field: 'enabled', message: 'needs a Twilio connection or TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN' },
        ],
      });
    const setting = { enabled: input.enabled, from };
    await this.db.run(async () => {
      await this.settings.save(actor.tenantId, setting, actorLabel(actor));
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'SMS_FALLBACK_UPDATED',
        details: { enabled: setting.enabled, from: setting.from ?? null },
      });
    });
    return setting;
  }
}

function smsNumber(value: string): string {
  const phone = PhoneNumber.tryParse(value);
  if (!phone || !value.trim().startsWith('+'))
    throw new ValidationError('Invalid SMS number', [{ field: 'from', message: 'must be an E.164 number' }]);
  return phone.e164;
}
