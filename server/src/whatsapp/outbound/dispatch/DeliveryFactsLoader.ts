import { inject, injectable } from 'inversify';
import { isWindowOpen } from '../../../modules/conversation/domain/Conversation';
import type { TemplateCall } from '../../../modules/message/domain/OutboundRequest';
import type { OptInStatus } from '../../../modules/optin/domain/OptIn';
import { DEFAULT_TEMPLATES } from '../../../modules/template/domain/defaultTemplates';
import type { Database } from '../../../shared/db/Database';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import type { DeliveryFacts, TemplateFacts } from './deliveryRules';
import { templateKey, type TemplateCatalog } from './TemplateCatalog';

export interface FactsQuery {
  to: string;
  template?: TemplateCall;
}

/**
 * Loads, for a batch of one tenant's messages, what the delivery rules decide on: opt-in status,
 * whether the 24-hour window is open (the latest inbound message of any conversation with that
 * person) and the template. Four queries per batch, whatever its size; joins the ambient transaction.
 */
@injectable()
export class DeliveryFactsLoader {
  constructor(
    @inject(TYPES.Database) private readonly db: Database,
    @inject(TYPES.TemplateCatalog) private readonly templates: TemplateCatalog,
  ) {}

  async load(
    tenantId: string,
    provider: ProviderName,
    now: Date,
    queries: FactsQuery[],
  ): Promise<DeliveryFacts[]> {
    const phones = [...new Set(queries.map((q) => q.to))];
    // One after the other: inside a transaction the queries share one connection anyway.
    const optIns = await this.optIns(tenantId, phones);
    const lastInbound = await this.lastInbound(tenantId, phones);
    const language = await this.tenantLanguage(tenantId);
    const keys = queries.flatMap((q) =>
      q.template ? [{ name: q.template.name, language: q.template.language ?? language }] : [],
    );
    const templates = await this.templates.find(tenantId, keys);
    return queries.map((q) => {
      const templateLanguage = q.template?.language ?? language;
      return {
        optIn: optIns.get(q.to),
        windowOpen: isWindowOpen({ lastInboundAt: lastInbound.get(q.to) }, now),
        language: templateLanguage,
        template: q.template && this.template(templates, provider, q.template.name, templateLanguage),
      };
    });
  }

  /** The console provider approves the default templates at once (SPEC §9), seeded or not. */
  private template(
    found: Map<string, TemplateFacts>,
    provider: ProviderName,
    name: string,
    language: string,
  ): TemplateFacts | undefined {
    const known = found.get(templateKey({ name, language }));
    if (known || provider !== 'console' || !(name in DEFAULT_TEMPLATES)) return known;
    return {
      status: 'APPROVED',
      paramCount: DEFAULT_TEMPLATES[name as keyof typeof DEFAULT_TEMPLATES].params.length,
    };
  }

  private async optIns(tenantId: string, phones: string[]): Promise<Map<string, OptInStatus>> {
    const rows = (await this.db
      .q('whatsapp_opt_ins')
      .where({ tenant_id: tenantId })
      .whereIn('phone', phones)
      .select('phone', 'status')) as Array<{ phone: string; status: OptInStatus }>;
    return new Map(rows.map((r) => [r.phone, r.status]));
  }

  private async lastInbound(tenantId: string, phones: string[]): Promise<Map<string, Date>> {
    const rows = (await this.db
      .q('whatsapp_conversations')
      .where({ tenant_id: tenantId })
      .whereIn('customer_phone', phones)
      .whereNotNull('last_inbound_at')
      .groupBy('customer_phone')
      .select('customer_phone')
      .max({ last: 'last_inbound_at' })) as Array<{ customer_phone: string; last: Date | string }>;
    return new Map(rows.map((r) => [r.customer_phone, new Date(r.last)]));
  }

  private async tenantLanguage(tenantId: string): Promise<string> {
    const row = (await this.db.q('tenants').where({ id: tenantId }).first('default_language')) as
      { default_language: string } | undefined;
    return row?.default_language ?? 'en';
  }
}
