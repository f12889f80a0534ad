import type { Config } from './config';

export interface StartupFacts {
  url: string;
  /** The embedded database directory, or the PostgreSQL server and database (no credentials). */
  database: string;
  media: string;
  tryNext: string;
  /** What `tryNext` needs to agree with this server, for a person reading the banner. */
  tryNextNeeds?: string;
}

const SAMPLE = '--from +5491155550101 --text "Hi! 4 people for Iguazu in March?"';

/** What a newcomer needs after `npm start`: where it listens, where the data is, what to run next. */
export function startupFacts(
  config: Config,
  embeddedDir: string | undefined,
  mediaDir: string,
): StartupFacts {
  const local = config.host === '0.0.0.0' || config.host === '::';
  const url = `http://${local ? 'localhost' : config.host}:${config.port}`;
  const database = embeddedDir ? `embedded, in ${embeddedDir}` : databaseHost(config.databaseUrl!);
  if (config.whatsapp.provider !== 'console')
    return { url, database, media: mediaDir, tryNext: `curl ${url}/readyz` };
  return {
    url,
    database,
    media: mediaDir,
    // The URL is always spelled out: simulate's own default (localhost and its PORT) may differ.
    tryNext: `npm run cli -- simulate --url ${url} ${SAMPLE}`,
    tryNextNeeds: config.whatsapp.webhookSecret
      ? 'run it with the same WHATSAPP_WEBHOOK_SECRET (e.g. from the same .env)'
      : config.encryptionKey
        ? 'run it with the same ENCRYPTION_KEY (e.g. from the same .env)'
        : `run it from this directory: it signs with the key in ${config.dataDir}/encryption.key`,
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
    `  API:      ${f.url}/docs (the reference), ${f.url}/openapi.json`,
    `  metrics:  ${f.url}/metrics`,
    ``,
    `  try it:   ${f.tryNext}`,
    ...(f.tryNextNeeds ? [`            ${f.tryNextNeeds}`] : []),
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
