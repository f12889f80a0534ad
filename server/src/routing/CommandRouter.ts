import { inject, injectable } from 'inversify';
import { TYPES } from '../types';
import type { CustomerMessageHandler } from './CustomerMessageHandler';
import type { IdentifySender } from './IdentifySender';
import type { MessageRouter, RoutableMessage } from './MessageRouter';
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

  async route(message: RoutableMessage): Promise<void> {
    const { actor, language } = await this.identify.execute(
      message.tenantId,
      message.customerPhone,
      message.event.from.name,
    );
    const replies = repliesFor(language);
    if (actor.role === 'customer') await this.customers.handle(actor, message, replies);
    else await this.staff.handle(actor, message, replies);
  }
}
