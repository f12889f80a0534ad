import type { Command } from './cliSupport';

export type { CliIo, Command } from './cliSupport';

/** Each command's module is loaded when it runs, so a command starts without the others' imports. */
type CommandLoader = () => Promise<Command>;

const from =
  <M>(load: () => Promise<M>, pick: (module: M) => Command): CommandLoader =>
  async () =>
    pick(await load());

const tenants = () => import('./tenantCommands');
const connections = () => import('./connectionCommands');
const jobs = () => import('./jobCommands');

export const COMMANDS: Record<string, CommandLoader> = {
  migrate: from(
    () => import('./migrateCommand'),
    (m) => m.migrate,
  ),
  'tenants create': from(tenants, (m) => m.tenantCommands['tenants create']),
  'tenants list': from(tenants, (m) => m.tenantCommands['tenants list']),
  'tenants update': from(tenants, (m) => m.tenantCommands['tenants update']),
  'connections add': from(connections, (m) => m.connectionCommands['connections add']),
  'connections list': from(connections, (m) => m.connectionCommands['connections list']),
  'connections update': from(connections, (m) => m.connectionCommands['connections update']),
  'connections remove': from(connections, (m) => m.connectionCommands['connections remove']),
  'connections test': from(connections, (m) => m.connectionCommands['connections test']),
  'users create': from(
    () => import('./userCommands'),
    (m) => m.userCommands['users create'],
  ),
  'templates seed': from(
    () => import('./templateCommands'),
    (m) => m.templateCommands['templates seed'],
  ),
  'jobs list': from(jobs, (m) => m.jobCommands['jobs list']),
  'jobs run': from(jobs, (m) => m.jobCommands['jobs run']),
  'keys generate': from(
    () => import('./keyCommands'),
    (m) => m.keyCommands['keys generate'],
  ),
  link: from(
    () => import('./linkCommand'),
    (m) => m.link,
  ),
  simulate: from(
    () => import('./simulateCommand'),
    (m) => m.simulate,
  ),
  demo: from(
    () => import('./demoCommand'),
    (m) => m.demo,
  ),
};
