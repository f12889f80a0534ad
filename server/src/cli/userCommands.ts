import type { CreateUser } from '../modules/identity/application/CreateUser';
import { TYPES } from '../types';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import { resolveTenant } from './resolveTenant';

/** `users create`: a staff user and its first API key, shown once. */
export const userCommands: Record<string, Command> = {
  'users create': async (args, ctx) => {
    const o = parse(args, { tenant: text, name: text, phone: text, role: text, json }, [
      'name',
      'phone',
      'role',
    ]);
    const result = await withRuntime(ctx, async ({ container }) => {
      const tenant = await resolveTenant(container, o.tenant as string | undefined);
      return container
        .get<CreateUser>(TYPES.CreateUser)
        .execute({ tenantId: tenant.id, name: String(o.name), phone: String(o.phone), role: String(o.role) });
    });
    if (o.json) return ctx.io.out(JSON.stringify({ ...result.user, apiKey: result.apiKey }));
    ctx.io.out(
      `user ${result.user.name} (${result.user.role}, ${result.user.phone}) created: ${result.user.id}`,
    );
    ctx.io.out(`API key (shown once, keep it safe): ${result.apiKey}`);
  },
};
