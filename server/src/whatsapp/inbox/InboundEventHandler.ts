import { inject, injectable } from 'inversify';
import type { Logger } from '../../shared/logging/createLogger';
import { TYPES } from '../../types';
import type { ApplyStatusUpdate } from '../../modules/message/application/ApplyStatusUpdate';
import type { RecordInboundMessage } from '../../modules/message/application/RecordInboundMessage';
import type { ApplyTemplateStatus } from '../../modules/template/application/ApplyTemplateStatus';
import type { ApplyTemplateCategory } from '../../modules/template/application/ApplyTemplateCategory';
import type { ApplyAccountEvent } from '../../modules/connection/application/ApplyAccountEvent';
import type { ApplyUserPreference } from '../../modules/optin/application/ApplyUserPreference';
import type { TenantDirectory } from '../../modules/connection/application/TenantDirectory';
import type { InboundEvent, InboundMessageEvent } from '../../shared/channel/InboundEvent';
import { readMetaDelivery, type MetaDelivery } from '../inbound/MetaWebhookParser';
import { parseTwilioDelivery } from '../inbound/TwilioWebhookParser';
import type { ClaimedEvent } from './InboxEvents';
import { groupBy } from '../../shared/batch/groupBy';

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
    @inject(TYPES.ApplyTemplateCategory) private readonly applyTemplateCategory: ApplyTemplateCategory,
    @inject(TYPES.ApplyAccountEvent) private readonly applyAccountEvent: ApplyAccountEvent,
    @inject(TYPES.ApplyUserPreference) private readonly applyUserPreference: ApplyUserPreference,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  /**
   * Several deliveries in the caller's transaction: their messages are recorded together per tenant
   * (set-based, in order per customer), then the other events one by one. Returns the notes by
   * delivery id.
   */
  async handleAll(deliveries: ClaimedEvent[]): Promise<Map<string, string>> {
    const notes = new Map<string, string>();
    const routed: Array<{ tenantId: string; event: InboundEvent }> = [];
    for (const delivery of deliveries) {
      const unrouted: string[] = [];
      const { events, skipped } = parse(delivery);
      for (const event of events) {
        const tenantId = delivery.tenantId ?? (await this.directory.route(event.route))?.tenantId;
        if (tenantId) routed.push({ tenantId, event });
        else unrouted.push(JSON.stringify(event.route));
      }
      if (unrouted.length)
        this.logger.warn(
          { eventId: delivery.id, routes: unrouted },
          'delivery for a number no tenant is configured for',
        );
      if (skipped.length)
        this.logger.warn(
          { eventId: delivery.id, skipped },
          'delivery parts that could not be read were skipped',
        );
      const note = deliveryNote(unrouted, skipped);
      if (note) notes.set(delivery.id, note);
    }
    const messages = routed.filter(
      (r): r is { tenantId: string; event: InboundMessageEvent } => r.event.kind === 'message',
    );
    for (const [tenantId, events] of groupBy(
      messages,
      (m) => m.tenantId,
      (m) => m.event,
    ))
      await this.recordMessage.executeAll(tenantId, events);
    for (const { tenantId, event } of routed)
      if (event.kind !== 'message') await this.dispatch(tenantId, event);
    return notes;
  }

  /**
   * Whose conversation the delivery touches (customers' phones or user ids, template names, business
   * accounts), so that deliveries of one customer are never processed in parallel. Empty when it
   * does not parse.
   */
  customersOf(delivery: ClaimedEvent): string[] {
    try {
      return parse(delivery)
        .events.flatMap((e) => {
          if (e.kind === 'message') return [e.from.waId ?? e.from.userId ?? ''];
          if (e.kind === 'status') return [e.recipient ?? e.recipientUserId ?? ''];
          if (e.kind === 'template_status' || e.kind === 'template_category') return [`template:${e.name}`];
          if (e.kind === 'user_preference') return [e.waId ?? e.userId ?? ''];
          if (e.kind === 'account') return [`account:${e.route.wabaId ?? e.route.phoneNumberId ?? ''}`];
          return [];
        })
        .filter(Boolean);
    } catch {
      return []; // handle() reports the parse error against the event.
    }
  }

  private async dispatch(tenantId: string, event: Exclude<InboundEvent, InboundMessageEvent>): Promise<void> {
    switch (event.kind) {
      case 'status':
        await this.applyStatus.execute(tenantId, event);
        return;
      case 'template_status':
        await this.applyTemplateStatus.execute(tenantId, event);
        return;
      case 'template_category':
        await this.applyTemplateCategory.execute(tenantId, event);
        return;
      case 'account':
        await this.applyAccountEvent.execute(tenantId, event);
        return;
      case 'user_preference':
        await this.applyUserPreference.execute(tenantId, event);
        return;
      case 'provider_error':
        this.logger.warn({ tenantId, errors: event.errors }, 'provider reported an error');
        return;
    }
  }
}

const NOTED_PARTS = 10;

/** `unrouted: {routes}; unreadable: path reason, …`, or undefined when all was read and routed. */
function deliveryNote(unrouted: string[], skipped: string[]): string | undefined {
  const parts: string[] = [];
  if (unrouted.length) parts.push(`unrouted: ${[...new Set(unrouted)].join(', ')}`);
  if (skipped.length) {
    const more = skipped.length > NOTED_PARTS ? ` and ${skipped.length - NOTED_PARTS} more` : '';
    parts.push(`unreadable: ${skipped.slice(0, NOTED_PARTS).join(', ')}${more}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}

// customersOf (lanes) and handleAll see the same claimed object: parse it once.
const parsed = new WeakMap<ClaimedEvent, MetaDelivery>();

function parse(delivery: ClaimedEvent): MetaDelivery {
  let result = parsed.get(delivery);
  if (!result) {
    result =
      delivery.provider === 'twilio'
        ? {
            events: parseTwilioDelivery(delivery.payload as Record<string, string>, delivery.receivedAt),
            skipped: [],
          }
        : readMetaDelivery(delivery.payload);
    parsed.set(delivery, result);
  }
  return result;
}
