import fs from 'node:fs';
import { Client } from 'pg';
import { postgresPids, processTicks, sampleCpu, type CpuSample } from './cpuUsage';

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

/** CPU ticks (1/100 s) of named processes and of all PostgreSQL processes, with the machine's. */
export interface CpuPoint {
  named: Map<string, number>;
  postgres: number;
  machine?: CpuSample;
}

export function cpuPoint(processes: Record<string, number>): CpuPoint {
  return {
    named: new Map(Object.entries(processes).map(([name, pid]) => [name, processTicks(String(pid))])),
    postgres: postgresPids().reduce((sum, pid) => sum + processTicks(pid), 0),
    machine: sampleCpu([]),
  };
}

/** CPU seconds each party used between two points, and how busy the machine was (%). */
export function cpuBetween(from: CpuPoint, to: CpuPoint): string {
  const parts = [...to.named].map(
    ([name, ticks]) => `${name} ${((ticks - (from.named.get(name) ?? 0)) / 100).toFixed(1)} s`,
  );
  parts.push(`PostgreSQL ${((to.postgres - from.postgres) / 100).toFixed(1)} s`);
  const busy =
    from.machine && to.machine
      ? ((to.machine.busy - from.machine.busy) / (to.machine.total - from.machine.total)) * 100
      : NaN;
  return `${parts.join(', ')}; machine busy ${busy.toFixed(0)} %`;
}
