export type { CliIo, Command } from './cliSupport';
import type { CreateTenant } from '../modules/identity/application/CreateTenant';
import type { CreateUser } from '../modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../modules/identity/application/EnsureDefaultTenant';
import type { TenantRepository } from '../modules/identity/domain/TenantRepository';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import { jobCommands } from './jobCommands';
import { demo } from './demoCommand';
import { simulate } from './simulateCommand';
import { templateCommands } from './templateCommands';
import { TYPES } from '../types';

export const COMMANDS: Record<string, Command> = {
  migrate: async (args, ctx) => {
    parse(args, {});
    await withRuntime(ctx, async () => ctx.io.out('database is up to date'));
  },

  'tenants create': async (args, ctx) => {
    const o = parse(args, { name: text, slug: text, language: text, region: text, json }, ['name']);
    const tenant = await withRuntime(ctx, ({ container }) =>
      container.get<CreateTenant>(TYPES.CreateTenant).execute({
        name: String(o.name),
        slug: o.slug as string | undefined,
        defaultLanguage: o.language as string | undefined,
        defaultRegion: (o.region as string | undefined)?.toUpperCase(),
      }),
    );
    ctx.io.out(o.json ? JSON.stringify(tenant) : `tenant ${tenant.slug} created: ${tenant.id}`);
  },

  'tenants list': async (args, ctx) => {
    const o = parse(args, { json });
    const tenants = await withRuntime(ctx, ({ container }) =>
      container.get<TenantRepository>(TYPES.TenantRepository).list(),
    );
    if (o.json) return ctx.io.out(JSON.stringify(tenants));
    if (!tenants.length) return ctx.io.out('no tenants yet (the server creates "default" on start)');
    for (const t of tenants) ctx.io.out(`${t.id}  ${t.slug.padEnd(20)}  ${t.name}`);
  },

  'users create': async (args, ctx) => {
    const o = parse(args, { tenant: text, name: text, phone: text, role: text, json }, [
      'name',
      'phone',
      'role',
    ]);
    const result = await withRuntime(ctx, async ({ container }) => {
      const tenantId =
        (o.tenant as string | undefined) ??
        (await container.get<EnsureDefaultTenant>(TYPES.EnsureDefaultTenant).execute()).id;
      return container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({ tenantId, name: String(o.name), phone: String(o.phone), role: String(o.role) });
    });
    if (o.json) return ctx.io.out(JSON.stringify({ ...result.user, apiKey: result.apiKey }));
    ctx.io.out(
      `user ${result.user.name} (${result.user.role}, ${result.user.phone}) created: ${result.user.id}`,
    );
    ctx.io.out(`API key (shown once, keep it safe): ${result.apiKey}`);
  },

  ...jobCommands,
  simulate,
  demo,
  ...templateCommands,
};
