import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { OutboundContent } from '../../../modules/message/domain/OutboundRequest';
import type { Sendability } from '../../../modules/message/domain/Sendability';
import type { Clock } from '../../../shared/clock/Clock';
import { BusinessRuleError, ConflictError, type AppError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import type { TenantDirectory } from '../../../modules/connection/application/TenantDirectory';
import type { WhatsappProviders } from '../provider/WhatsappProvider';
import { DeliveryFactsLoader } from './DeliveryFactsLoader';
import { decideDelivery, type DeliveryDecision } from './deliveryRules';

/**
 * The dispatcher's rules, asked up front for a staff send so the API can answer at once
 * (OPTED_OUT, MARKETING_OPTED_OUT → 409; WINDOW_CLOSED, TEMPLATE_NOT_APPROVED, TEMPLATE_PARAMS
 * with the wrong fields, UNSUPPORTED_BY_PROVIDER naming the field a provider cannot carry → 422) instead of queueing a message that is bound to fail. The
 * dispatcher checks again when it sends.
 */
@injectable()
export class SendabilityCheck implements Sendability {
  constructor(
    @inject(DeliveryFactsLoader) private readonly facts: DeliveryFactsLoader,
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.Clock) private readonly clock: Clock,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.WhatsappProviders) private readonly providers: WhatsappProviders,
  ) {}

  async assertSendable(tenantId: string, to: string, content: OutboundContent): Promise<void> {
    const provider =
      (await this.directory.forTenant(tenantId, this.config.whatsapp.provider))?.provider ??
      (await this.directory.forTenant(tenantId))?.provider ??
      this.config.whatsapp.provider;
    const [facts] = await this.facts.load(tenantId, provider, this.clock.now(), [
      { to, template: content.template, purpose: content.purpose },
    ]);
    const decision = decideDelivery(content, facts);
    if (!decision.ok) throw refusal(decision, to);
    const refused =
      decision.plan.kind === 'session' &&
      this.providers.forProvider(provider).cannotCarry(decision.plan.message);
    if (refused) {
      const message = `${provider} cannot carry ${refused.reason}`;
      throw new BusinessRuleError('UNSUPPORTED_BY_PROVIDER', message, {
        to,
        fields: [{ field: refused.field, message }],
      });
    }
  }
}

/** Consent refusals conflict with the recipient's state (409); the others break a rule (422). */
function refusal(decision: Extract<DeliveryDecision, { ok: false }>, to: string): AppError {
  const { code, title, fields } = decision;
  const details = { to, ...(fields ? { fields } : {}) };
  if (code === 'OPTED_OUT' || code === 'MARKETING_OPTED_OUT') return new ConflictError(code, title, details);
  return new BusinessRuleError(code, title, details);
}
