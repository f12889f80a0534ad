import { inject, injectable } from 'inversify';
import type { AiHandoff, HandoffReason, NewAiRequest } from '../modules/autoresponder/domain/AiRequest';
import type { TenantRepository } from '../modules/identity/domain/TenantRepository';
import type { MessageRepository } from '../modules/message/domain/Message';
import type { OutboundQueue } from '../modules/message/domain/OutboundRequest';
import { TYPES } from '../types';
import type { LeadPath } from './LeadPath';
import { repliesFor } from './replies';

/**
 * When the AI cannot answer (an error, the time limit, a lost worker): the message takes SPEC §6's
 * lead path after all, the rep alerted, and the customer is told a person will answer (or given
 * their new lead's ref). In the transaction that settles the AI request.
 */
@injectable()
export class AiHandoffToLead implements AiHandoff {
  constructor(
    @inject(TYPES.LeadPath) private readonly leadPath: LeadPath,
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.OutboundQueue) private readonly outbound: OutboundQueue,
  ) {}

  async handOff(request: NewAiRequest, reason: HandoffReason): Promise<void> {
    const message = await this.messages.findById(request.tenantId, request.messageId);
    const content = (message?.content ?? {}) as { text?: string };
    const language =
      request.language ?? (await this.tenants.findById(request.tenantId))?.defaultLanguage ?? 'en';
    const [answer] = await this.leadPath.run([
      {
        tenantId: request.tenantId,
        messageId: request.messageId,
        customerPhone: request.customerPhone,
        customerName: request.customerName,
        text: content.text ?? `[${message?.type ?? 'message'}]`,
        conversationId: request.conversationId,
        replies: repliesFor(language),
        confirm: true,
        handoff: reason,
      },
    ]);
    if (answer)
      await this.outbound.enqueue({
        tenantId: request.tenantId,
        to: request.customerPhone,
        purpose: 'reply',
        text: answer,
        conversationId: request.conversationId,
        replyToProviderId: request.providerMessageId,
      });
  }
}
