import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import type { Message, MessageRepository } from '../../message/domain/Message';
import type { OutboundContent, OutboundQueue } from '../../message/domain/OutboundRequest';
import { DEFAULT_TEMPLATES, renderTemplate } from '../../template/domain/defaultTemplates';
import { fillPlaceholders } from '../../template/domain/templateParameters';
import type { TemplateRepository } from '../../template/domain/TemplateRepository';
import { meansNotOnWhatsapp, type SmsFallbackSettings } from '../domain/SmsFallback';

/**
 * A WhatsApp message that failed because the number is not on WhatsApp (Meta 131026, Twilio 63003)
 * goes by SMS when the tenant turned the fallback on: a new `whatsapp_messages` row with
 * `channel = 'sms'`, its text or its template's rendered body, queued in the caller's transaction
 * (the one recording the failure, from the send or from a status webhook). Kinds without text
 * (media, locations, …) have nothing to say by SMS and are left failed.
 */
@injectable()
export class QueueSmsFallback {
  constructor(
    @inject(TYPES.SmsFallbackSettings) private readonly settings: SmsFallbackSettings,
    @inject(TYPES.MessageRepository) private readonly messages: MessageRepository,
    @inject(TYPES.OutboundQueue) private readonly queue: OutboundQueue,
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /** Returns the SMS message's id, or undefined when none goes. */
  async execute(tenantId: string, failedMessageId: string, errorCode?: string): Promise<string | undefined> {
    if (!meansNotOnWhatsapp(errorCode)) return undefined;
    const setting = await this.settings.find(tenantId);
    if (!setting.enabled || !setting.from) return undefined;
    const failed = await this.messages.findById(tenantId, failedMessageId);
    if (!failed || failed.direction !== 'OUTBOUND' || failed.channel === 'sms' || !failed.customerPhone)
      return undefined;
    const content = failed.content as OutboundContent;
    const text = content.text ?? (await this.templateBody(tenantId, content));
    if (!text) {
      this.logger.info({ messageId: failed.id, type: failed.type }, 'no text to send by SMS');
      return undefined;
    }
    const id = await this.queue.enqueue(this.sms(failed, content, text, setting.from));
    this.logger.info({ messageId: failed.id, smsMessageId: id, errorCode }, 'not on WhatsApp: queued by SMS');
    return id;
  }

  private sms(failed: Message, content: OutboundContent, text: string, from: string) {
    return {
      tenantId: failed.tenantId,
      to: failed.customerPhone as string,
      purpose: content.purpose,
      priority: failed.priority,
      channel: 'sms' as const,
      text,
      sms: { from },
      conversationId: failed.conversationId,
      context: { ...content.context, fallbackFor: failed.id },
    };
  }

  /** The template's body with its values, in the language it was (or would have been) sent in. */
  private async templateBody(tenantId: string, content: OutboundContent): Promise<string | undefined> {
    const call = content.template;
    if (!call) return undefined;
    const language = call.language ?? (await this.tenants.findById(tenantId))?.defaultLanguage ?? 'en';
    const stored = await this.templates.findByNameAndLanguage(tenantId, call.name, language);
    if (stored) return fillPlaceholders(stored.content.body, call.params);
    if (call.name in DEFAULT_TEMPLATES)
      return renderTemplate(call.name as keyof typeof DEFAULT_TEMPLATES, language, call.params);
    return undefined;
  }
}
