import { Client } from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  serverVersion: string;
  /** Rows of whatsapp_webhook_events, and how many the processor has handled. */
  inboxCounts(): Promise<{ rows: number; processed: number }>;
  /** The wamid of every stored delivery (to match against the acks). */
  storedWamids(): Promise<Set<string>>;
  drop(): Promise<void>;
}

/** A fresh, empty database `wa_ops_bench_<pid>` on the server of `adminUrl` (the app child migrates it). */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `wa_ops_bench_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl, application_name: 'wa-ops-bench' });
  await admin.connect();
  const serverVersion = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]
    .server_version;
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let bench: Client | undefined;
  const query = async <T extends object>(sql: string) => {
    if (!bench) {
      bench = new Client({ connectionString: url.toString(), application_name: 'wa-ops-bench' });
      await bench.connect();
    }
    return (await bench.query<T>(sql)).rows;
  };
  let dropped = false;
  return {
    name,
    url: url.toString(),
    serverVersion,
    inboxCounts: async () => {
      const [row] = await query<{ rows: number; processed: number }>(
        `SELECT count(*)::int AS rows, count(processed_at)::int AS processed FROM whatsapp_webhook_events`,
      );
      return row;
    },
    storedWamids: async () => {
      const rows = await query<{ wamid: string }>(
        `SELECT payload #>> '{entry,0,changes,0,value,messages,0,id}' AS wamid FROM whatsapp_webhook_events`,
      );
      return new Set(rows.map((r) => r.wamid));
    },
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await bench?.end().catch(() => undefined);
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
