import type { EnsureDefaultTenant } from '../modules/identity/application/EnsureDefaultTenant';
import type { TenantRepository } from '../modules/identity/domain/TenantRepository';
import { isUuid } from '../modules/lead/domain/isUuid';
import type { SeedDefaultTemplates } from '../modules/template/application/SeedDefaultTemplates';
import { BusinessRuleError } from '../shared/errors/AppError';
import { TYPES } from '../types';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import { UsageError } from './UsageError';

/** `templates seed`: the default templates for a tenant (the default tenant unless --tenant). */
export const templateCommands: Record<string, Command> = {
  'templates seed': async (args, ctx) => {
    const o = parse(args, { tenant: text, json });
    const result = await withRuntime(ctx, async ({ container }) => {
      const tenants = container.get<TenantRepository>(TYPES.TenantRepository);
      const given = o.tenant as string | undefined;
      const tenant = given
        ? await (isUuid(given) ? tenants.findById(given) : tenants.findBySlug(given))
        : await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute();
      if (!tenant) throw new UsageError(`no tenant "${given}" (see: wa-ops tenants list)`);
      const seeded = await container
        .get<SeedDefaultTemplates>(TYPES.SeedDefaultTemplates)
        .execute({ tenantId: tenant.id });
      return { tenant: tenant.slug, ...seeded };
    });
    if (o.json) ctx.io.out(JSON.stringify(result));
    else {
      ctx.io.out(`tenant ${result.tenant}, language ${result.language}`);
      for (const c of result.created) ctx.io.out(`  created  ${c.name.padEnd(18)} ${c.status}`);
      for (const name of result.existing) ctx.io.out(`  exists   ${name}`);
      for (const f of result.failed) ctx.io.out(`  failed   ${f.name.padEnd(18)} ${f.code}: ${f.message}`);
    }
    if (result.failed.length)
      throw new BusinessRuleError(
        'SEED_INCOMPLETE',
        `${result.failed.length} template(s) could not be submitted; run the command again to retry them`,
      );
  },
};
