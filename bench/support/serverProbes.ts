import fs from 'node:fs';
import { Client } from 'pg';

/** Resident set size of a process, from /proc (Linux). */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/**
 * Where the time goes, from the database: a delivery's wait in the inbox, from being stored to the
 * start of the transaction that processed it.
 */
export async function inboxWait(url: string): Promise<{ p50: number; p99: number }> {
  const client = new Client({ connectionString: url, application_name: 'wa-ops-bench' });
  await client.connect();
  try {
    const { rows } = await client.query<{ p50: number; p99: number }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM processed_at - received_at) * 1000 AS ms
                 FROM whatsapp_webhook_events WHERE processed_at IS NOT NULL) w`,
    );
    return { p50: Number(rows[0].p50), p99: Number(rows[0].p99) };
  } finally {
    await client.end();
  }
}
