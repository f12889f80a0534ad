import { parseArgs, type ParseArgsConfig } from 'node:util';
import { bootstrap, type Runtime } from '../bootstrap';
import type { Config } from '../config';
import type { CreateTenant } from '../modules/identity/application/CreateTenant';
import type { CreateUser } from '../modules/identity/application/CreateUser';
import type { EnsureDefaultTenant } from '../modules/identity/application/EnsureDefaultTenant';
import type { TenantRepository } from '../modules/identity/domain/TenantRepository';
import type { Logger } from '../shared/logging/createLogger';
import { TYPES } from '../types';
import { UsageError } from './UsageError';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
}

interface CommandContext {
  config: Config;
  logger: Logger;
  io: CliIo;
}

export type Command = (args: string[], ctx: CommandContext) => Promise<void>;

function parse<O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  required: string[] = [],
) {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as typeof values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = required.filter((k) => values[k] === undefined || values[k] === '');
  if (missing.length) throw new UsageError(`missing ${missing.map((k) => `--${k}`).join(', ')}`);
  return values;
}

/** Runs `work` against a migrated database and always closes it. */
async function withRuntime<T>(ctx: CommandContext, work: (runtime: Runtime) => Promise<T>): Promise<T> {
  const runtime = await bootstrap(ctx.config, ctx.logger);
  try {
    return await work(runtime);
  } finally {
    await runtime.db.close();
  }
}

const json = { type: 'boolean' } as const;
const text = { type: 'string' } as const;

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
};
