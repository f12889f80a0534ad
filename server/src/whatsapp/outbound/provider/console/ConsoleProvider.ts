import crypto from 'node:crypto';
import type { Logger } from '../../../../shared/logging/createLogger';
import { consoleTranscript } from './consoleTranscript';
import type {
  SendingAccount,
  SendMessageRequest,
  SendResult,
  SendTemplateRequest,
  WhatsappProvider,
} from '../WhatsappProvider';

const consoleId = () => `console.${crypto.randomUUID()}`;

/**
 * Nothing leaves the machine: each send is logged — readable, see consoleTranscript — and answered
 * with a generated id. The dispatcher stores the message as for any provider.
 */
export class ConsoleProvider implements WhatsappProvider {
  readonly name = 'console';

  constructor(private readonly logger: Logger) {}

  async sendMessage(account: SendingAccount, request: SendMessageRequest): Promise<SendResult> {
    const providerMessageId = consoleId();
    this.logger.info(
      {
        provider: 'console',
        tenantId: account.tenantId,
        to: request.to,
        providerMessageId,
        kind: request.message.kind,
      },
      consoleTranscript(request),
    );
    return { providerMessageId };
  }

  async sendTemplate(account: SendingAccount, request: SendTemplateRequest): Promise<SendResult> {
    const providerMessageId = consoleId();
    this.logger.info(
      {
        provider: 'console',
        tenantId: account.tenantId,
        to: request.to,
        providerMessageId,
        template: request.name,
        language: request.language,
        header: request.header?.kind,
        buttons: request.buttonParams?.length,
      },
      consoleTranscript(request),
    );
    return { providerMessageId };
  }

  async uploadMedia(): Promise<{ mediaId: string }> {
    return { mediaId: consoleId() };
  }

  async markAsRead(): Promise<void> {}

  cannotCarry(): undefined {
    return undefined;
  }
}
