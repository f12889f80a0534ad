import { inject, injectable } from 'inversify';
import type { Logger } from '../../../shared/logging/createLogger';
import { TYPES } from '../../../types';
import { assertAllowed, type Actor } from '../../identity/domain/Actor';
import type { TenantRepository } from '../../identity/domain/TenantRepository';
import { fromMetaComponents } from '../domain/metaComponents';
import type { Template } from '../domain/Template';
import type { TemplateCategory } from '../domain/TemplateContent';
import type { ProviderTemplate, TemplateProviderGateway } from '../domain/TemplateProviderGateway';
import type { TemplateRepository } from '../domain/TemplateRepository';
import { normalizeLanguage } from '../domain/validateTemplate';

export interface SyncSummary {
  /** Tenants whose provider was asked. */
  tenants: number;
  /** Templates whose status (or provider id) changed. */
  updated: number;
  /** Templates the provider has that were not known here (created in the provider's own tools). */
  imported: number;
  /** Templates known here that the provider no longer has: DISABLED. */
  missing: number;
}

const EMPTY: SyncSummary = { tenants: 0, updated: 0, imported: 0, missing: 0 };
const add = (a: SyncSummary, b: SyncSummary): SyncSummary => ({
  tenants: a.tenants + b.tenants,
  updated: a.updated + b.updated,
  imported: a.imported + b.imported,
  missing: a.missing + b.missing,
});

/**
 * Pulls template statuses from the provider (`GET /{waba-id}/message_templates`): the
 * `template-sync` job (`run`, every tenant) and `POST /templates/sync` (`execute`, one tenant).
 * It catches what a lost webhook missed; the provider is the authority.
 */
@injectable()
export class SyncTemplates {
  constructor(
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.TemplateRepository) private readonly templates: TemplateRepository,
    @inject(TYPES.TemplateProviderGateway) private readonly provider: TemplateProviderGateway,
    @inject(TYPES.Logger) private readonly logger: Logger,
  ) {}

  async execute({ actor }: { actor: Actor }): Promise<SyncSummary> {
    assertAllowed(actor, 'manage_templates');
    return this.syncTenant(actor.tenantId);
  }

  /** Every tenant; one tenant's failure is logged and does not stop the others. */
  async run(signal?: AbortSignal): Promise<SyncSummary & { failed: number }> {
    let total = { ...EMPTY, failed: 0 };
    for (const tenant of await this.tenants.list()) {
      if (signal?.aborted) break;
      try {
        total = { ...add(total, await this.syncTenant(tenant.id)), failed: total.failed };
      } catch (err) {
        this.logger.error({ err, tenantId: tenant.id }, 'template sync failed for tenant');
        total.failed++;
      }
    }
    return total;
  }

  async syncTenant(tenantId: string): Promise<SyncSummary> {
    const remote = await this.provider.list(tenantId);
    if (!remote) return EMPTY;
    const local = await this.templates.list(tenantId);
    const summary = { ...EMPTY, tenants: 1 };
    const seen = new Set<string>();
    for (const r of remote) {
      const template = this.match(local, r);
      if (template) seen.add(template.id);
      if (template) summary.updated += Number(await this.apply(template, r));
      else summary.imported += Number(await this.import(tenantId, r));
    }
    for (const template of local.filter((t) => t.providerTemplateId && !seen.has(t.id))) {
      if (!template.applyProviderStatus('DISABLED')) continue;
      await this.templates.update(template);
      summary.missing++;
    }
    if (summary.updated || summary.imported || summary.missing)
      this.logger.info({ tenantId, ...summary }, 'templates synced from the provider');
    return summary;
  }

  private match(local: Template[], r: ProviderTemplate): Template | undefined {
    const language = normalizeLanguage(r.language);
    return (
      local.find((t) => t.providerTemplateId === r.providerTemplateId) ??
      local.find((t) => t.name === r.name && t.language === language)
    );
  }

  private async apply(template: Template, r: ProviderTemplate): Promise<boolean> {
    if (!template.applyProviderStatus(r.status, r.reason, r.providerTemplateId)) return false;
    await this.templates.update(template);
    return true;
  }

  private async import(tenantId: string, r: ProviderTemplate): Promise<boolean> {
    const status = r.status;
    const created = await this.templates.create({
      tenantId,
      name: r.name,
      language: normalizeLanguage(r.language),
      category: (r.category?.toUpperCase() ?? 'UTILITY') as TemplateCategory,
      ...fromMetaComponents(r.components),
      status,
      providerTemplateId: r.providerTemplateId,
      rejectionReason: status === 'REJECTED' ? r.reason : undefined,
    });
    return created !== undefined;
  }
}
