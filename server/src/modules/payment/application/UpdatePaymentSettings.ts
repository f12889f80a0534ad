import { inject, injectable } from 'inversify';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { PaymentSecrets, PaymentSettings, PaymentSettingsRepository } from '../domain/PaymentSettings';
import { checkPaymentUrlTemplate } from '../domain/paymentUrlTemplate';

/** A field left out stays as it is; `null` clears it (secrets cannot be read back, so this is how to drop one). */
export interface PaymentSettingsChanges {
  paymentUrlTemplate?: string | null;
  instructions?: string | null;
  webhookSecret?: string | null;
  mercadopago?: { accessToken?: string | null; webhookSecret?: string | null };
}

/** `PUT /settings/payments` (managers): the payment page's link and instructions, webhook secrets. */
@injectable()
export class UpdatePaymentSettings {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.PaymentSettingsRepository) private readonly settings: PaymentSettingsRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute({
    actor,
    changes,
  }: {
    actor: Actor;
    changes: PaymentSettingsChanges;
  }): Promise<PaymentSettings> {
    assertAllowed(actor, 'manage_payment_settings');
    const template = changes.paymentUrlTemplate && checkPaymentUrlTemplate(changes.paymentUrlTemplate);
    return this.unitOfWork.run(async () => {
      const current = await this.settings.find(actor.tenantId);
      const next: PaymentSettings = {
        ...current,
        paymentUrlTemplate: pick(template ?? changes.paymentUrlTemplate, current.paymentUrlTemplate),
        instructions: pick(changes.instructions, current.instructions),
        secrets: mergeSecrets(current.secrets, changes),
      };
      const saved = await this.settings.save(next, actor.userId);
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'PAYMENT_SETTINGS_UPDATED',
        entityType: 'tenant',
        entityId: actor.tenantId,
        details: { changed: changedFields(changes) },
      });
      return saved;
    });
  }
}

const pick = (change: string | null | undefined, current: string | undefined) =>
  change === undefined ? current : (change ?? undefined);

function mergeSecrets(current: PaymentSecrets, changes: PaymentSettingsChanges): PaymentSecrets {
  const mp = changes.mercadopago ?? {};
  return {
    webhookSecret: pick(changes.webhookSecret, current.webhookSecret),
    mercadopago: {
      accessToken: pick(mp.accessToken, current.mercadopago?.accessToken),
      webhookSecret: pick(mp.webhookSecret, current.mercadopago?.webhookSecret),
    },
  };
}

/** Names, never values: the audit log must not hold a secret. */
function changedFields(changes: PaymentSettingsChanges): string[] {
  const top = Object.keys(changes).filter((k) => k !== 'mercadopago');
  const mp = Object.keys(changes.mercadopago ?? {}).map((k) => `mercadopago.${k}`);
  return [...top, ...mp].sort();
}
