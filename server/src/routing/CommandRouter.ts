import { inject, injectable } from 'inversify';
import { TYPES } from '../types';
import type { CustomerMessageHandler } from './CustomerMessageHandler';
import type { IdentifySender } from './IdentifySender';
import type { MessageRouter, RoutableMessage } from '../modules/message/domain/MessageRouter';
import { repliesFor } from './replies';
import type { StaffCommandHandler } from './StaffCommandHandler';

/**
 * SPEC §6: who wrote (staff by phone, else customer), then what they asked for. Runs inside the
 * transaction that recorded the message, so the business change, its timeline and its replies
 * commit together with the message — or not at all.
 */
@injectable()
export class CommandRouter implements MessageRouter {
  constructor(
    @inject(TYPES.IdentifySender) private readonly identify: IdentifySender,
    @inject(TYPES.StaffCommandHandler) private readonly staff: StaffCommandHandler,
    @inject(TYPES.CustomerMessageHandler) private readonly customers: CustomerMessageHandler,
  ) {}

  async route(messages: RoutableMessage[]): Promise<void> {
    if (!messages.length) return;
    const { actors, language } = await this.identify.execute(
      messages[0].tenantId,
      messages.map((m) => ({ phone: m.customerPhone, profileName: m.event.from.name })),
    );
    const replies = repliesFor(language);
    const routed = messages.map((message, i) => ({ actor: actors[i], message }));
    // Customers are answered in their own language (SPEC §19), staff in the tenant's.
    await this.customers.handle(
      routed.filter((r) => r.actor.role === 'customer'),
      (message) => repliesFor(message.customerLanguage ?? language),
    );
    for (const { actor, message } of routed)
      if (actor.role !== 'customer') await this.staff.handle(actor, message, replies);
  }
}
