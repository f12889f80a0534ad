import { parse, withRuntime, type Command } from './cliSupport';

/** `migrate`: opening the database brings its schema up to date. */
export const migrate: Command = async (args, ctx) => {
  parse(args, {});
  await withRuntime(ctx, async () => ctx.io.out('database is up to date'));
};
