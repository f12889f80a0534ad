import type { CreateTenant } from '../modules/identity/application/CreateTenant';
import type { UpdateTenant } from '../modules/identity/application/UpdateTenant';
import type { Tenant } from '../modules/identity/domain/Tenant';
import type { TenantRepository } from '../modules/identity/domain/TenantRepository';
import { ValidationError } from '../shared/errors/AppError';
import { TYPES } from '../types';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import { resolveTenant } from './resolveTenant';
import { UsageError } from './UsageError';

const describe = (t: Tenant) => `${t.id}  ${t.slug.padEnd(20)}  ${t.plan.padEnd(12)}  ${t.name}`;

/** Bad values name their option: `--plan must be one of free, starter, …`. */
async function asUsage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ValidationError && error.fields.length)
      throw new UsageError(error.fields.map((f) => `--${f.field} ${f.message}`).join('; '));
    throw error;
  }
}

/** `tenants create|list|update`: the businesses this installation serves (SPEC §15). */
export const tenantCommands: Record<string, Command> = {
  'tenants create': async (args, ctx) => {
    const o = parse(
      args,
      { name: text, slug: text, language: text, region: text, timezone: text, plan: text, json },
      ['name'],
    );
    const tenant = await withRuntime(ctx, ({ container }) =>
      asUsage(() =>
        container.get<CreateTenant>(TYPES.CreateTenant).execute({
          name: String(o.name),
          slug: o.slug as string | undefined,
          defaultLanguage: o.language as string | undefined,
          defaultRegion: (o.region as string | undefined)?.toUpperCase(),
          timezone: o.timezone as string | undefined,
          plan: o.plan as string | undefined,
        }),
      ),
    );
    ctx.io.out(
      o.json ? JSON.stringify(tenant) : `tenant ${tenant.slug} created: ${tenant.id} (plan ${tenant.plan})`,
    );
  },

  'tenants list': async (args, ctx) => {
    const o = parse(args, { json });
    const tenants = await withRuntime(ctx, ({ container }) =>
      container.get<TenantRepository>(TYPES.TenantRepository).list(),
    );
    if (o.json) return ctx.io.out(JSON.stringify(tenants));
    if (!tenants.length) return ctx.io.out('no tenants yet (the server creates "default" on start)');
    for (const t of tenants) ctx.io.out(describe(t));
  },

  'tenants update': async (args, ctx) => {
    const given = args[0];
    if (!given || given.startsWith('-'))
      throw new UsageError('tenants update needs a tenant id or slug (see: wa-ops tenants list)');
    const o = parse(args.slice(1), {
      name: text,
      language: text,
      region: text,
      timezone: text,
      plan: text,
      json,
    });
    if (['name', 'language', 'region', 'timezone', 'plan'].every((k) => o[k] === undefined))
      throw new UsageError('nothing to change: give --name, --language, --region, --timezone or --plan');
    const tenant = await withRuntime(ctx, async ({ container }) => {
      const { id } = await resolveTenant(container, given);
      return asUsage(() =>
        container.get<UpdateTenant>(TYPES.UpdateTenant).execute({
          tenantId: id,
          by: 'cli',
          name: o.name as string | undefined,
          defaultLanguage: o.language as string | undefined,
          defaultRegion: (o.region as string | undefined)?.toUpperCase(),
          timezone: o.timezone as string | undefined,
          plan: o.plan as string | undefined,
        }),
      );
    });
    ctx.io.out(o.json ? JSON.stringify(tenant) : `tenant ${tenant.slug} updated (plan ${tenant.plan})`);
  },
};
