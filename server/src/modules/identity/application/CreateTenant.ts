import { inject, injectable } from 'inversify';
import { ConflictError, ValidationError } from '../../../shared/errors/AppError';
import { TYPES } from '../../../types';
import { DEFAULT_PLAN, type Plan } from '../domain/Plan';
import type { Tenant } from '../domain/Tenant';
import { tenantFieldProblems } from '../domain/tenantFields';
import type { TenantRepository } from '../domain/TenantRepository';

export interface CreateTenantInput {
  name: string;
  slug?: string;
  defaultLanguage?: string;
  defaultRegion?: string;
  /** IANA zone; UTC unless given. */
  timezone?: string;
  /** SPEC §17; `enterprise` (unlimited) unless given. */
  plan?: string;
}

const slugify = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

@injectable()
export class CreateTenant {
  constructor(@inject(TYPES.TenantRepository) private readonly tenants: TenantRepository) {}

  async execute(input: CreateTenantInput): Promise<Tenant> {
    const name = input.name.trim();
    if (!name)
      throw new ValidationError('name is required', [{ field: 'name', message: 'must not be empty' }]);
    const slug = input.slug ?? slugify(name);
    if (!slug)
      throw new ValidationError('name needs letters or digits', [
        { field: 'name', message: 'no usable slug' },
      ]);
    const problems = tenantFieldProblems({ ...input, slug });
    if (problems.length)
      throw new ValidationError(problems.map((p) => `${p.field} ${p.message}`).join('; '), problems);
    if (await this.tenants.findBySlug(slug))
      throw new ConflictError('TENANT_EXISTS', `A tenant "${slug}" already exists`);
    return this.tenants.create({ ...input, name, slug, plan: (input.plan as Plan) ?? DEFAULT_PLAN });
  }
}
