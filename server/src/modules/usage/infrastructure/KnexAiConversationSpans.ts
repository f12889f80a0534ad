import { inject, injectable } from 'inversify';
import type { Database } from '../../../shared/db/Database';
import { TYPES } from '../../../types';
import type { AiConversationSpans } from '../domain/UsageCounters';

/** `usage_ai_spans`: one row per conversation, the start of its current 24-hour span. */
@injectable()
export class KnexAiConversationSpans implements AiConversationSpans {
  constructor(@inject(TYPES.Database) private readonly db: Database) {}

  async runningSince(tenantId: string, conversationId: string, since: Date): Promise<boolean> {
    const row = await this.db
      .q('usage_ai_spans')
      .where({ tenant_id: tenantId, conversation_id: conversationId })
      .where('span_start', '>', since)
      .first('span_start');
    return row !== undefined;
  }

  async start(tenantId: string, conversationId: string, at: Date): Promise<void> {
    await this.db
      .q('usage_ai_spans')
      .insert({ tenant_id: tenantId, conversation_id: conversationId, span_start: at })
      .onConflict(['tenant_id', 'conversation_id'])
      .merge(['span_start']);
  }
}
