import { inject, injectable } from 'inversify';
import type { Config } from '../../../config';
import { NotFoundError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { EventType } from '../../events/domain/DomainEvent';
import { actorLabel, assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { SubscriptionChanges, WebhookSubscription } from '../domain/WebhookSubscription';
import type { KnexWebhookSubscriptions } from '../infrastructure/KnexWebhookSubscriptions';
import { assertWebhookTarget } from './webhookTarget';

/**
 * `PATCH /webhook-subscriptions/:id` (manager): another URL or events, or `status`. `disabled`
 * stops deliveries; `active` turns a disabled subscription back on from the tenant's next event,
 * like a new one (what happened meanwhile is not sent). The secret stays the same.
 */
@injectable()
export class UpdateWebhookSubscription {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.WebhookSubscriptions) private readonly subscriptions: KnexWebhookSubscriptions,
    @inject(TYPES.Config) private readonly config: Config,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: {
    actor: Actor;
    id: string;
    url?: string;
    events?: EventType[];
    status?: WebhookSubscription['status'];
  }): Promise<WebhookSubscription> {
    const { actor, id } = input;
    assertAllowed(actor, 'manage_users');
    if (input.url !== undefined)
      await assertWebhookTarget(input.url, this.config.webhooks.allowPrivateTargets);
    const changes: SubscriptionChanges = {
      url: input.url,
      events: input.events && [...new Set(input.events)],
      status: input.status,
    };
    return this.unitOfWork.run(async () => {
      const updated = await this.subscriptions.update(actor.tenantId, id, changes);
      if (!updated) throw new NotFoundError('webhook subscription', id);
      await this.audit.record({
        tenantId: actor.tenantId,
        actor: actorLabel(actor),
        action: 'WEBHOOK_SUBSCRIPTION_UPDATED',
        entityType: 'webhook_subscription',
        entityId: id,
        details: Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      });
      return updated;
    });
  }
}
