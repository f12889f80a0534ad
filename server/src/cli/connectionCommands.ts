import type { AddConnection } from '../modules/connection/application/AddConnection';
import type { RemoveConnection } from '../modules/connection/application/RemoveConnection';
import type { TestConnection } from '../modules/connection/application/TestConnection';
import type { UpdateConnection } from '../modules/connection/application/UpdateConnection';
import type {
  WhatsappConfiguration,
  WhatsappConfigurationRepository,
} from '../modules/connection/domain/WhatsappConfiguration';
import { connectionJson, connectionTestJson } from '../modules/connection/http/connectionRepresentation';
import { isUuid } from '../modules/lead/domain/isUuid';
import { BusinessRuleError } from '../shared/errors/AppError';
import { TYPES } from '../types';
import { json, parse, text, withRuntime, type Command } from './cliSupport';
import {
  CONNECTION_OPTIONS,
  connectionInputOf,
  refuseSecretsInArgv,
  withOptionNames,
} from './connectionOptions';
import { resolveTenant } from './resolveTenant';
import { UsageError } from './UsageError';

/** The operator acts for every tenant: the audit log says `cli`. */
const BY = 'cli';

const describe = (c: WhatsappConfiguration) =>
  [
    c.id,
    c.provider.padEnd(9),
    (c.phoneNumber ?? '-').padEnd(16),
    c.status.padEnd(12),
    c.qualityRating.padEnd(7),
    c.source.padEnd(11),
    `tenant ${c.tenantId}`,
  ].join('  ');

/** `connections update|remove|test <id>`: the connection's id comes first. */
function idFirst(args: string[], command: string): string {
  const id = args[0];
  if (!id || id.startsWith('-'))
    throw new UsageError(`connections ${command} needs a connection id (see: wa-ops connections list)`);
  if (!isUuid(id)) throw new UsageError(`"${id}" is not a connection id (see: wa-ops connections list)`);
  return id;
}

/** `connections add|list|update|remove|test` (SPEC §15). Secrets are never printed. */
export const connectionCommands: Record<string, Command> = {
  'connections add': async (args, ctx) => {
    refuseSecretsInArgv(args);
    const o = parse(args, { ...CONNECTION_OPTIONS, tenant: text }, ['tenant', 'provider', 'phone-number']);
    const connection = connectionInputOf(o, ctx.io.env);
    const added = await withRuntime(ctx, async ({ container }) => {
      const tenant = await resolveTenant(container, o.tenant as string);
      return withOptionNames(() =>
        container
          .get<AddConnection>(TYPES.AddConnection)
          .execute({ tenantId: tenant.id, by: BY, connection }),
      );
    });
    ctx.io.out(
      o.json ? JSON.stringify(connectionJson(added)) : `connection ${added.id} added: ${describe(added)}`,
    );
  },

  'connections list': async (args, ctx) => {
    const o = parse(args, { tenant: text, json });
    const connections = await withRuntime(ctx, async ({ container }) => {
      const repository = container.get<WhatsappConfigurationRepository>(
        TYPES.WhatsappConfigurationRepository,
      );
      if (o.tenant === undefined) return repository.listAll();
      return repository.findByTenant((await resolveTenant(container, o.tenant as string)).id);
    });
    if (o.json) return ctx.io.out(JSON.stringify(connections.map(connectionJson)));
    if (!connections.length) return ctx.io.out('no connections (add one: wa-ops connections add --help)');
    for (const c of connections) ctx.io.out(describe(c));
  },

  'connections update': async (args, ctx) => {
    refuseSecretsInArgv(args);
    const id = idFirst(args, 'update');
    const o = parse(args.slice(1), CONNECTION_OPTIONS);
    const changes = connectionInputOf(o, ctx.io.env);
    if (!Object.keys(changes).length)
      throw new UsageError('nothing to change (see: wa-ops connections add --help)');
    const updated = await withRuntime(ctx, ({ container }) =>
      withOptionNames(() =>
        container.get<UpdateConnection>(TYPES.UpdateConnection).execute({ id, by: BY, changes }),
      ),
    );
    ctx.io.out(
      o.json ? JSON.stringify(connectionJson(updated)) : `connection ${id} updated: ${describe(updated)}`,
    );
  },

  'connections remove': async (args, ctx) => {
    const id = idFirst(args, 'remove');
    parse(args.slice(1), {});
    await withRuntime(ctx, ({ container }) =>
      container.get<RemoveConnection>(TYPES.RemoveConnection).execute({ id, by: BY }),
    );
    ctx.io.out(`connection ${id} removed`);
  },

  'connections test': async (args, ctx) => {
    const id = idFirst(args, 'test');
    const o = parse(args.slice(1), { json });
    const result = await withRuntime(ctx, ({ container }) =>
      container.get<TestConnection>(TYPES.TestConnection).execute({ id, by: BY }),
    );
    if (o.json) ctx.io.out(JSON.stringify(connectionTestJson(result)));
    else
      for (const [label, value] of <Array<[string, string | undefined]>>[
        ['result', result.ok ? 'ok' : 'FAILED'],
        ['error', result.error],
        ['number', result.displayPhoneNumber],
        ['verified name', result.verifiedName],
        ['quality', result.qualityRating],
        ['messaging limit', result.messagingLimitTier],
        ['name status', result.nameStatus],
        ['account status', result.accountStatus],
        ['webhook URL', result.webhookUrl],
        ['checked at', result.checkedAt],
      ])
        if (value) ctx.io.out(`${label.padEnd(16)} ${value}`);
    if (!result.ok) throw new BusinessRuleError('CONNECTION_TEST_FAILED', `connection ${id} failed its test`);
  },
};
