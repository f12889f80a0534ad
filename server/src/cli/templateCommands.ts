import type { SeedDefaultTemplates } from '../modules/template/application/SeedDefaultTemplates';
import { BusinessRuleError } from '../shared/errors/AppError';
import { TYPES } from '../types';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import { resolveTenant } from './resolveTenant';

/** `templates seed`: the default templates for a tenant (the default tenant unless --tenant). */
export const templateCommands: Record<string, Command> = {
  'templates seed': async (args, ctx) => {
    const o = parse(args, { tenant: text, json });
    const result = await withRuntime(ctx, async ({ container }) => {
      const tenant = await resolveTenant(container, o.tenant as string | undefined);
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
