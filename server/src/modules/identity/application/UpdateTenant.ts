import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError, type FieldProblem } from '../../../shared/errors/AppError';
import type { UnitOfWork } from '../../../shared/UnitOfWork';
import { TYPES } from '../../../types';
import type { AuditLog } from '../../audit/domain/AuditLog';
import type { PaymentSettings, Tenant, TenantChanges } from '../domain/Tenant';
import type { TenantRepository } from '../domain/TenantRepository';

export interface UpdateTenantInput {
  tenantId: string;
  name?: string;
  defaultLanguage?: string;
  /** ISO 3166 alpha-2; an empty string clears it. */
  defaultRegion?: string;
  /** Each given field replaces the stored one; an empty string clears it. */
  payments?: PaymentSettings;
}

const LANGUAGE = /^[a-z]{2}(-[A-Z]{2})?$/;
const REGION = /^[A-Z]{2}$/;

/** `wa-ops tenants update`: the operator changes a tenant's name, language, region or payment settings. */
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
      const changes = changesOf(input, tenant);
      if (!Object.keys(changes).length)
        throw new ValidationError('nothing to change', [{ field: 'tenant', message: 'no change given' }]);
      const updated = await this.tenants.update(tenant.id, changes);
      await this.audit.record({
        tenantId: tenant.id,
        actor: 'cli',
        action: 'TENANT_UPDATED',
        entityType: 'tenant',
        entityId: tenant.id,
        details: {
          changed: Object.keys({ ...changes, ...changes.payments }).filter((k) => k !== 'payments'),
        },
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
  const template = input.payments?.paymentUrlTemplate;
  if (template && !isHttpUrl(template.replace(/\{(ref|amount|currency)\}/g, 'x')))
    problems.push({ field: 'paymentUrlTemplate', message: 'must be an http(s) URL' });
  if ((input.payments?.instructions ?? '').length > 2000)
    problems.push({ field: 'paymentInstructions', message: 'must be at most 2000 characters' });
  return problems;
}

function changesOf(input: UpdateTenantInput, tenant: Tenant): TenantChanges {
  const blankToUndefined = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  return {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.defaultLanguage !== undefined && { defaultLanguage: input.defaultLanguage }),
    ...(input.defaultRegion !== undefined && { defaultRegion: blankToUndefined(input.defaultRegion) }),
    ...(input.payments && {
      payments: Object.fromEntries(
        Object.entries({ ...tenant.payments, ...defined(input.payments) })
          .map(([key, value]) => [key, blankToUndefined(value)])
          .filter(([, value]) => value !== undefined),
      ),
    }),
  };
}

const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function isHttpUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
