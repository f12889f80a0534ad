import { inject, injectable } from 'inversify';
import type { Logger } from '../../shared/logging/createLogger';
import { TYPES } from '../../types';
import type { ApplyStatusUpdate } from '../../modules/message/application/ApplyStatusUpdate';
import type { RecordInboundMessage } from '../../modules/message/application/RecordInboundMessage';
import type { ApplyTemplateStatus } from '../../modules/template/application/ApplyTemplateStatus';
import type { TenantDirectory } from '../configuration/TenantDirectory';
import type { InboundEvent } from '../inbound/InboundEvent';
import { parseMetaDelivery } from '../inbound/MetaWebhookParser';
import { parseTwilioDelivery } from '../inbound/TwilioWebhookParser';
import type { ClaimedEvent } from './InboxEvents';

/**
 * Turns one stored delivery into its effects: every event, routed to its tenant. Runs inside the
 * event's transaction. Returns a note for the event row (events it could not route), or undefined.
 */
@injectable()
export class InboundEventHandler {
  constructor(
    @inject(TYPES.TenantDirectory) private readonly directory: TenantDirectory,
    @inject(TYPES.RecordInboundMessage) private readonly recordMessage: RecordInboundMessage,
    @inject(TYPES.ApplyStatusUpdate) private readonly applyStatus: ApplyStatusUpdate,
    @inject(TYPES.ApplyTemplateStatus) private readonly applyTemplateStatus: ApplyTemplateStatus,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async handle(delivery: ClaimedEvent): Promise<string | undefined> {
    const events = parse(delivery);
    const unrouted: string[] = [];
    for (const event of events) {
      const tenantId = delivery.tenantId ?? (await this.directory.route(event.route))?.tenantId;
      if (!tenantId) {
        unrouted.push(JSON.stringify(event.route));
        continue;
      }
      await this.dispatch(tenantId, event);
    }
    if (!unrouted.length) return undefined;
    this.logger.warn(
      { eventId: delivery.id, routes: unrouted },
      'delivery for a number no tenant is configured for',
    );
    return `unrouted: ${[...new Set(unrouted)].join(', ')}`;
  }

  /**
   * Whose conversation the delivery touches (customers' phones or user ids, template names), so that
   * deliveries of one customer are never processed in parallel. Empty when it does not parse.
   */
  customersOf(delivery: ClaimedEvent): string[] {
    try {
      return parse(delivery)
        .flatMap((e) => {
          if (e.kind === 'message') return [e.from.waId ?? e.from.userId ?? ''];
          if (e.kind === 'status') return [e.recipient ?? e.recipientUserId ?? ''];
          if (e.kind === 'template_status') return [`template:${e.name}`];
          return [];
        })
        .filter(Boolean);
    } catch {
      return []; // handle() reports the parse error against the event.
    }
  }

  private async dispatch(tenantId: string, event: InboundEvent): Promise<void> {
    switch (event.kind) {
      case 'message':
        await this.recordMessage.execute(tenantId, event);
        return;
      case 'status':
        await this.applyStatus.execute(tenantId, event);
        return;
      case 'template_status':
        await this.applyTemplateStatus.execute(tenantId, event);
        return;
      case 'provider_error':
        this.logger.warn({ tenantId, errors: event.errors }, 'provider reported an error');
        return;
    }
  }
}

function parse(delivery: ClaimedEvent): InboundEvent[] {
  return delivery.provider === 'twilio'
    ? parseTwilioDelivery(delivery.payload as Record<string, string>, delivery.receivedAt)
    : parseMetaDelivery(delivery.payload);
}
