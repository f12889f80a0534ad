import { inject, injectable } from 'inversify';
import { isWindowOpen } from '../../../modules/conversation/domain/Conversation';
import type { OutboundPurpose, TemplateCall } from '../../../modules/message/domain/OutboundRequest';
import type { Consent } from '../../../modules/optin/domain/OptIn';
import { DEFAULT_TEMPLATES } from '../../../modules/template/domain/defaultTemplates';
import { fallbackLanguage } from '../../../modules/template/domain/fallbackLanguage';
import type { Database } from '../../../shared/db/Database';
import type { ProviderName } from '../../../shared/providers';
import { TYPES } from '../../../types';
import type { DeliveryFacts, TemplateFacts } from './deliveryRules';
import { templateKey, type TemplateCatalog } from './TemplateCatalog';

export interface FactsQuery {
  to: string;
  template?: TemplateCall;
  /** A `notification` may go out in another language its template is approved in. */
  purpose?: OutboundPurpose;
}

/**
 * Loads, for a batch of one tenant's messages, what the delivery rules decide on: consent (opt-in
 * status, marketing stopped), whether the 24-hour window is open (the latest inbound message of
 * any conversation with that person) and the template. Four queries per batch, whatever its size;
 * joins the ambient transaction.
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
    const consents = await this.consents(tenantId, phones);
    const lastInbound = await this.lastInbound(tenantId, phones);
    const tenantLanguage = await this.tenantLanguage(tenantId);
    const names = queries.flatMap((q) => (q.template ? [q.template.name] : []));
    const templates = await this.templates.find(tenantId, names);
    const byKey = new Map(templates.map((t) => [templateKey(t), t]));
    return queries.map((q) => {
      const consent = consents.get(q.to);
      const language = this.language(q, templates, tenantLanguage);
      return {
        optIn: consent?.status,
        marketingOptedOut: consent?.marketingOptedOut,
        windowOpen: isWindowOpen({ lastInboundAt: lastInbound.get(q.to) }, now),
        language,
        template: q.template && this.template(byKey, provider, q.template.name, language),
      };
    });
  }

  /**
   * The call's language, else the tenant's. A system notification falls back to a language its
   * template is approved in (see fallbackLanguage): a tenant writing in a language without default
   * wording has its default templates in English.
   */
  private language(q: FactsQuery, templates: TemplateFacts[], tenantLanguage: string): string {
    const wanted = q.template?.language ?? tenantLanguage;
    if (!q.template || q.purpose !== 'notification') return wanted;
    const approved = templates
      .filter((t) => t.name === q.template?.name && t.status === 'APPROVED')
      .map((t) => t.language);
    return fallbackLanguage(wanted, approved) ?? wanted;
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
    const definition = DEFAULT_TEMPLATES[name as keyof typeof DEFAULT_TEMPLATES];
    return {
      name,
      language,
      status: 'APPROVED',
      category: definition.category,
      slots: { header: 'none', body: definition.params.length, buttons: [] },
    };
  }

  private async consents(tenantId: string, phones: string[]): Promise<Map<string, Consent>> {
    const rows = (await this.db
      .q('whatsapp_opt_ins')
      .where({ tenant_id: tenantId })
      .whereIn('phone', phones)
      .select('phone', 'status', 'marketing_opted_out_at')) as Array<
      { phone: string; marketing_opted_out_at: Date | null } & Pick<Consent, 'status'>
    >;
    return new Map(
      rows.map((r) => [r.phone, { status: r.status, marketingOptedOut: r.marketing_opted_out_at !== null }]),
    );
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
