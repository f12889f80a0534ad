import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { AiContext, AiContextReader, ClaimedAiRequest } from '../domain/AiRequest';
import type { AiAllowance } from '../domain/AiAllowance';
import type { AutoResponderSettingsRepository } from '../domain/AutoResponderSettings';

const LAST_MESSAGES = 20;
const MESSAGE_LENGTH = 2000;

/**
 * What the AI is given about a customer (SPEC §23), read outside any transaction: the tenant's
 * instructions (on a plan with `custom_ai_instructions`), the customer's last 20 messages with this
 * business (texts only, both ways, staff alerts never: those go to staff numbers), their open lead
 * and their bookings.
 */
@injectable()
export class KnexAiContextReader implements AiContextReader {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.AutoResponderSettings) private readonly settings: AutoResponderSettingsRepository,
    @inject(TYPES.AiAllowance) private readonly allowance: AiAllowance,
  ) {}

  async read(request: ClaimedAiRequest): Promise<AiContext> {
    const { tenantId, customerPhone } = request;
    const [settings, customInstructions, messages, lead, bookings] = await Promise.all([
      this.settings.find(tenantId),
      this.allowance.usesCustomInstructions(tenantId),
      this.db
        .q('whatsapp_messages')
        .where({ tenant_id: tenantId, customer_phone: customerPhone, channel: 'whatsapp' })
        .whereNot('status', 'failed')
        .orderBy([
          { column: 'created_at', order: 'desc' },
          // A reply is written in the transaction of the message it answers (the same instant): after it.
          { column: 'direction', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .limit(LAST_MESSAGES)
        .select('direction', 'type', this.db.knex.raw(`content->>'text' AS text`)) as Promise<
        Array<{ direction: string; type: string; text: string | null }>
      >,
      this.db
        .q('leads')
        .where({ tenant_id: tenantId, customer_phone: customerPhone })
        .whereIn('status', ['new', 'contacted', 'quoted'])
        .first('ref', 'status', 'summary', 'party_size', 'travel_month'),
      this.db
        .q('bookings as b')
        .leftJoin('trips as t', 't.id', 'b.trip_id')
        .where({ 'b.tenant_id': tenantId, 'b.customer_phone': customerPhone })
        .orderBy('b.created_at', 'desc')
        .limit(10)
        .select('b.ref', 'b.status', 'b.amount', 'b.currency', 't.name as trip', 't.departure_date'),
    ]);
    return {
      // A plan without custom_ai_instructions keeps what was saved but answers with the default prompt.
      instructions: customInstructions ? settings.ai.instructions : '',
      messages: messages.reverse().map((m) => ({
        role: m.direction === 'INBOUND' ? ('user' as const) : ('assistant' as const),
        content: (m.text ?? `[${m.type}]`).slice(0, MESSAGE_LENGTH),
      })),
      lead: lead && {
        ref: lead.ref,
        status: lead.status,
        summary: lead.summary ?? undefined,
        partySize: lead.party_size ?? undefined,
        travelMonth: lead.travel_month ?? undefined,
      },
      bookings: (bookings as Array<Record<string, unknown>>).map((b) => ({
        ref: String(b.ref),
        status: String(b.status),
        trip: (b.trip as string | null) ?? undefined,
        departureDate: b.departure_date ? dateOnly(b.departure_date) : undefined,
        total: `${b.amount} ${b.currency}`,
      })),
    };
  }
}

const dateOnly = (value: unknown) =>
  value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10);
