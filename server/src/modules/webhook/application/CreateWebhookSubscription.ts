import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import type { CredentialCipher } from '../../../shared/crypto/CredentialCipher';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventType } from '../../events/domain/DomainEvent';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import { newSigningSecret } from '../domain/webhookSignature';
import type { WebhookSubscription } from '../domain/WebhookSubscription';
import type { KnexWebhookSubscriptions } from '../infrastructure/KnexWebhookSubscriptions';
import { assertWebhookTarget } from './webhookTarget';

/** `POST /webhook-subscriptions` (manager): the signing secret is returned this once, stored encrypted. */
@injectable()
export class CreateWebhookSubscription {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.WebhookSubscriptions) private readonly subscriptions: KnexWebhookSubscriptions,
    @inject(TYPES.CredentialCipher) private readonly cipher: CredentialCipher,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: {
    actor: Actor;
    url: string;
    events: EventType[];
  }): Promise<WebhookSubscription & { secret: string }> {
    const { actor } = input;
    assertAllowed(actor, 'manage_users');
    await assertWebhookTarget(input.url, this.config.webhooks.allowPrivateTargets);
    const secret = newSigningSecret();
    return this.unitOfWork.run(async () => {
      const subscription = await this.subscriptions.create({
        tenantId: actor.tenantId,
        url: input.url,
        events: [...new Set(input.events)],
        secret: this.cipher.encrypt({ secret }),
        createdBy: actor.userId,
      });
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'WEBHOOK_SUBSCRIPTION_CREATED',
        entityType: 'webhook_subscription',
        entityId: subscription.id,
        details: { url: input.url, events: subscription.events },
      });
      return { ...subscription, secret };
    });
  }
}
