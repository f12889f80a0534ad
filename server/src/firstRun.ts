import type { Config } from './config';

export interface StartupFacts {
  url: string;
  /** The embedded database directory, or the PostgreSQL server and database (no credentials). */
  database: string;
  media: string;
  tryNext: string;
}

/** What a newcomer needs after `npm start`: where it listens, where the data is, what to run next. */
export function startupFacts(
  config: Config,
  embeddedDir: string | undefined,
  mediaDir: string,
): StartupFacts {
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
  // simulate finds the server on PORT; spell the URL out when the host is not the local one.
  const where = url === `http://localhost:${config.port}` ? '' : ` --url ${url}`;
  const sample =
    config.whatsapp.provider === 'console'
      ? `npm run cli -- simulate --from +5491155550101 --text "Hi! 4 people for Iguazu in March?"${where}`
      : `curl ${url}/readyz`;
  return {
    url,
    database: embeddedDir ? `embedded, in ${embeddedDir}` : databaseHost(config.databaseUrl!),
    media: mediaDir,
    tryNext: sample,
  };
}

/** `postgres://user:secret@db:5432/wa_ops?ssl=true` → `PostgreSQL at db:5432/wa_ops` */
export function databaseHost(databaseUrl: string): string {
  const u = new URL(databaseUrl);
  return `PostgreSQL at ${u.host}${u.pathname}`;
}

export function startupBanner(f: StartupFacts): string {
  return [
    ``,
    `  wa-ops is running at ${f.url}`,
    `  data:     ${f.database}`,
    `  media:    ${f.media}`,
    `  metrics:  ${f.url}/metrics`,
    ``,
    `  try it:   ${f.tryNext}`,
    ``,
  ].join('\n');
}

/** Printed while the tenant has no manager: the one-time link that creates the first one. */
export function setupInvitation(url: string, token: string): string {
  return [
    ``,
    `  first run: create the first manager of this business in the browser (the link works once):`,
    `            ${url}/setup?token=${token}`,
    ``,
  ].join('\n');
}
