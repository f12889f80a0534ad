import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError, type FieldProblem } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { Tenant, TenantChanges } from '../domain/Tenant';
import type { TenantRepository } from '../domain/TenantRepository';

export interface UpdateTenantInput {
  tenantId: string;
  name?: string;
  defaultLanguage?: string;
  /** ISO 3166 alpha-2; an empty string clears it. */
  defaultRegion?: string;
}

const LANGUAGE = /^[a-z]{2}(-[A-Z]{2})?$/;
const REGION = /^[A-Z]{2}$/;

/** `wa-ops tenants update`: the operator changes a tenant's name, language or region. */
@injectable()
export class UpdateTenant {
  constructor(
    @inject(TYPES.Database) private readonly unitOfWork: UnitOfWork,
    @inject(TYPES.TenantRepository) private readonly tenants: TenantRepository,
    @inject(TYPES.AuditLog) private readonly audit: AuditLog,
  ) {}

  async execute(input: UpdateTenantInput): Promise<Tenant> {
    const problems = problemsOf(input);
    if (problems.length)
      throw new ValidationError(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
    return this.unitOfWork.run(async () => {
      const tenant = await this.tenants.findById(input.tenantId);
      if (!tenant) throw new NotFoundError('tenant', input.tenantId);
      const changes = changesOf(input);
      if (!Object.keys(changes).length)
        throw new ValidationError('nothing to change', [{ field: 'tenant', message: 'no change given' }]);
      const updated = await this.tenants.update(tenant.id, changes);
      await this.audit.record({
        tenantId: tenant.id,
        actor: 'cli',
        action: 'TENANT_UPDATED',
        entityType: 'tenant',
        entityId: tenant.id,
        details: { changed: Object.keys(changes) },
      });
      return updated;
    });
  }
}

function problemsOf(input: UpdateTenantInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined && !input.name.trim())
    problems.push({ field: 'name', message: 'must not be empty' });
  if (input.defaultLanguage !== undefined && !LANGUAGE.test(input.defaultLanguage))
    problems.push({ field: 'language', message: 'must be a language code such as en, es or pt' });
  if (input.defaultRegion && !REGION.test(input.defaultRegion))
    problems.push({ field: 'region', message: 'must be a two-letter country code such as AR' });
  return problems;
}

function changesOf(input: UpdateTenantInput): TenantChanges {
  const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.defaultLanguage !== undefined && { defaultLanguage: input.defaultLanguage }),
    ...(input.defaultRegion !== undefined && { defaultRegion: blankToUndefined(input.defaultRegion) }),
  };
}
