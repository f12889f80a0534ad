import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config';
import { AppError } from '../shared/errors/AppError';
import { createLogger } from '../shared/logging/createLogger';
import { COMMANDS, type CliIo, type Command } from './commands';
import { UsageError } from './UsageError';

const USAGE = `usage: wa-ops <command> [options]

  migrate                                   bring the database schema up to date
  jobs list                                 the scheduled jobs and their schedules
  jobs run NAME                             run one job now (e.g. from an external cron)
  simulate --from PHONE --text TEXT [--name NAME] [--url URL] [--wait SECONDS]
                                            write to a running server as a customer; prints the replies
  demo [--data-dir DIR]                     a scripted day on a fresh embedded database, printed as timelines
  tenants create --name NAME [--slug S] [--language en] [--region AR] [--json]
  tenants list [--json]
  users create [--tenant ID] --name NAME --phone PHONE --role ROLE [--json]
                                            roles: sales, operations, field_staff, manager
                                            prints the user and its API key (shown once)
  templates seed [--tenant ID|SLUG] [--json]
                                            the default templates in the tenant's language
                                            (console: approved at once; Meta, 360dialog: submitted)

The database is DATABASE_URL, or the embedded one under DATA_DIR.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (!argv.length || ['help', '--help', '-h'].includes(argv[0])) {
    io.out(USAGE);
    return argv.length ? 0 : 2;
  }
  const twoWords = `${argv[0]} ${argv[1] ?? ''}`;
  const [command, args]: [Command | undefined, string[]] = Object.hasOwn(COMMANDS, twoWords)
    ? [COMMANDS[twoWords], argv.slice(2)]
    : [Object.hasOwn(COMMANDS, argv[0]) ? COMMANDS[argv[0]] : undefined, argv.slice(1)];
  if (!command) {
    io.err(`wa-ops: unknown command "${argv.slice(0, 2).join(' ')}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const config = loadConfig(io.env);
    await command(args, {
      config,
      logger: createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel),
      io,
    });
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`wa-ops: ${error.message}`);
      return 2;
    }
    if (error instanceof AppError) {
      io.err(`wa-ops: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    interactive: process.stderr.isTTY,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`wa-ops: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
