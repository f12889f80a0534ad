import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { Plan } from '../domain/Plan';
import type { Tenant, TenantChanges } from '../domain/Tenant';
import { tenantFieldProblems } from '../domain/tenantFields';
import type { TenantRepository } from '../domain/TenantRepository';

export interface UpdateTenantInput {
  tenantId: string;
  name?: string;
  defaultLanguage?: string;
  /** ISO 3166 alpha-2; an empty string clears it. */
  defaultRegion?: string;
  /** IANA zone: the next usage period and business hours follow it. */
  timezone?: string;
  plan?: string;
  /** Who asks, for the audit log; the operator (`cli`) when not given. */
  by?: string;
}

/** `wa-ops tenants update`: the operator changes a tenant's name, language, region, time zone or plan. */
@injectable()
export class UpdateTenant {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: UpdateTenantInput): Promise<Tenant> {
    const problems = tenantFieldProblems(input);
    if (problems.length)
      throw new ValidationError(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
    const changes = changesOf(input);
    if (!Object.keys(changes).length)
      throw new ValidationError('nothing to change', [{ field: 'tenant', message: 'no change given' }]);
    return this.unitOfWork.run(async () => {
      const tenant = await this.tenants.findById(input.tenantId);
      if (!tenant) throw new NotFoundError('tenant', input.tenantId);
      const updated = await this.tenants.update(tenant.id, changes);
      await this.audit.record({
        tenantId: tenant.id,
        actor: input.by ?? 'cli',
        action: 'TENANT_UPDATED',
        entityType: 'tenant',
        entityId: tenant.id,
        details: { changed: Object.keys(changes), ...(changes.plan && { plan: changes.plan }) },
      });
      return updated;
    });
  }
}

function changesOf(input: UpdateTenantInput): TenantChanges {
  return {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.defaultLanguage !== undefined && { defaultLanguage: input.defaultLanguage }),
    ...(input.defaultRegion !== undefined && { defaultRegion: input.defaultRegion.trim() || undefined }),
    ...(input.timezone !== undefined && { timezone: input.timezone.trim() }),
    ...(input.plan !== undefined && { plan: input.plan as Plan }),
  };
}
