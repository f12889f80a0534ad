import crypto from 'node:crypto';
import { parse, type Command } from './cliSupport';

/**
 * `keys generate`: a new ENCRYPTION_KEY. The line on stdout is ready for `.env`
 * (`wa-ops keys generate >> .env`); how to keep it goes to stderr. Needs no configuration.
 */
export const keyCommands: Record<string, Command> = {
  'keys generate': async (args, ctx) => {
    parse(args, {});
    ctx.io.out(`ENCRYPTION_KEY=${crypto.randomBytes(32).toString('base64')}`);
    ctx.io.err(
      [
        'Keep this key: put the line in .env (or your secret store) for the server and the CLI alike,',
        'and back it up with the database. Credentials stored with it cannot be read without it, and',
        'the server refuses to start with a key that cannot read them. Every instance needs the same key.',
      ].join('\n'),
    );
  },
};
