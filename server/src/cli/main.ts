import 'reflect-metadata';
import { loadConfig, type Config } from '../config';
import { withEnvFile } from '../envFile';
import { createLogger, type Logger } from '../shared/logging/createLogger';
import type { CommandContext } from './cliSupport';
import { COMMANDS, type CliIo } from './commands';
import { EXIT, failureOf } from './exitCode';

const USAGE = `usage: wa-ops <command> [options]

  migrate                                   bring the database schema up to date
  tenants create --name NAME [--slug S] [--language en] [--region AR] [--timezone ZONE] [--plan PLAN] [--json]
  tenants list [--json]
  tenants update ID|SLUG [--name N] [--language L] [--region R] [--timezone ZONE] [--plan PLAN] [--json]
                                            plans: free, starter, professional, business, enterprise;
                                            ZONE: IANA, e.g. America/Argentina/Buenos_Aires (default UTC)
  connections add --tenant ID|SLUG --provider meta|360dialog|twilio|console --phone-number +E164
      [--phone-number-id ID] [--business-account-id ID] [--verify-token V]
      [--access-token-file F] [--webhook-secret-file F]          (meta)
      [--api-key-file F] [--webhook-secret-file F]               (360dialog)
      [--twilio-account-sid SID] [--twilio-auth-token-file F]    (twilio)
      [--json]              each --*-file also takes --*-env VARIABLE; secrets never on the command line
  connections list [--tenant ID|SLUG] [--json]                    secrets shown only as hasAccessToken, …
  connections update ID [same options] [--json]
  connections remove ID
  connections test ID [--json]              asks the provider; prints the number's health (exit 1 if it fails)
  users create [--tenant ID|SLUG] --name NAME --phone PHONE --role ROLE [--json]
                                            roles: sales, operations, field_staff, manager
                                            prints the user and its API key (shown once)
  templates seed [--tenant ID|SLUG] [--json]
                                            the default templates in the tenant's language
                                            (console: approved at once; Meta, 360dialog: submitted)
  link [--tenant ID|SLUG] [--text TEXT] [--qr FILE.svg|FILE.png] [--json]
                                            the tenant's click-to-chat link (wa.me), and its QR code
                                            written to FILE; needs only the tenant's number
  jobs list                                 the scheduled jobs and their schedules
  jobs run NAME                             run one job now (e.g. from an external cron)
  simulate --from PHONE --text TEXT [--name NAME] [--url URL] [--wait SECONDS]
                                            write to a running server as a customer (or a staff
                                            member); prints every message the service sent back
  demo [--data-dir DIR]                     a scripted day on a fresh embedded database, printed as timelines
  keys generate                             a new ENCRYPTION_KEY line for .env (how to keep it on stderr)

Without --tenant, commands use the default tenant. The database is DATABASE_URL, or the embedded
one under DATA_DIR; .env in the current directory is read (the environment wins).
Exit codes: 0 done, 1 failed, 2 bad usage (unknown option, invalid value, invalid environment).`;

/** Runs one command with `io.env` as its environment; resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (!argv.length) {
    io.err(USAGE);
    return EXIT.usage;
  }
  if (['help', '--help', '-h'].includes(argv[0])) {
    io.out(USAGE);
    return EXIT.done;
  }
  const twoWords = `${argv[0]} ${argv[1] ?? ''}`;
  const [load, args] = Object.hasOwn(COMMANDS, twoWords)
    ? [COMMANDS[twoWords], argv.slice(2)]
    : [Object.hasOwn(COMMANDS, argv[0]) ? COMMANDS[argv[0]] : undefined, argv.slice(1)];
  if (!load) {
    io.err(`wa-ops: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    await (
      await load()
    )(args, lazyContext(io));
    return EXIT.done;
  } catch (error) {
    const failure = failureOf(error);
    io.err(`wa-ops: ${failure.message}`);
    return failure.code;
  }
}

/** The environment is validated when a command first needs it (so `keys generate` always works). */
function lazyContext(io: CliIo): CommandContext {
  let config: Config | undefined;
  let logger: Logger | undefined;
  return {
    io,
    get config() {
      return (config ??= loadConfig(io.env));
    },
    get logger() {
      // The CLI's own output is the report; the log only speaks up for warnings unless asked.
      return (logger ??= createLogger(this.config.logLevel === 'info' ? 'warn' : this.config.logLevel));
    },
  };
}

/** The process entry point (bin/wa-ops.js): real streams, the environment over `.env`. */
export function main(): void {
  const err = (line: string) => process.stderr.write(`${line}\n`);
  let env: CliIo['env'];
  try {
    env = withEnvFile(process.env);
  } catch (error) {
    err(`wa-ops: ${(error as Error).message}`);
    return process.exit(EXIT.usage);
  }
  runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err,
    env,
    interactive: process.stderr.isTTY,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      err(`wa-ops: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(EXIT.failure);
    },
  );
}

if (require.main === module) main();
